package schema

// Item is a top-level list item. Its keys are the kinds, in the order in
// which the official parser looks for them.
var Item = &Obj{
	Name: "top-level item",
	Doc:  "One entry of valohai.yaml, keyed by its kind.",
	Open: true,
	Keys: []*Key{StepKind, TaskKind, EndpointKind, PipelineKind, BlueprintKind, DeploymentKind},
}

// Shared scalar types.
var (
	str     = &Type{Kind: String}
	boolean = &Type{Kind: Boolean}
	number  = &Type{Kind: Number}
	integer = &Type{Kind: Integer}
	anyType = &Type{Kind: Any}
	strList = &Type{Kind: List, Items: str}
	// strOrList is one string or a list of strings.
	strOrList = &Type{Kind: OneOf, Name: "string or list of strings", Options: []*Type{str, strList}}
	// commandType is a command line or a list of them, with placeholders.
	commandType = &Type{Kind: OneOf, Name: "string or list of strings", Ref: RefCommand,
		Options: []*Type{{Kind: String, Ref: RefCommand}, {Kind: List, Items: &Type{Kind: String, Ref: RefCommand}}}}
)

// openObject returns an object type that accepts any keys and values.
func openObject(name string) *Type {
	return &Type{Kind: Object, Object: &Obj{Name: name, Open: true}}
}

// listOf returns a list type of objects.
func listOf(o *Obj) *Type {
	return &Type{Kind: List, Items: &Type{Kind: Object, Object: o}}
}
