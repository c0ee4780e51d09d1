package schema

// DeploymentKind is the top-level `deployment` item.
var DeploymentKind = &Key{
	Name:    "deployment",
	Type:    &Type{Kind: Object, Object: Deployment},
	Doc:     "A deployment that the platform may create automatically when a pipeline's deployment node needs it.",
	Example: "- deployment:\n    name: prod\n    defaults:\n      target: my-cluster",
}

// Deployment is the top-level deployment construct.
var Deployment = &Obj{Name: "deployment", Label: "name", Open: true,
	Snippet: "name: ${1:my-deployment}\ndefaults:\n  target: ${2:cluster-id}"}
