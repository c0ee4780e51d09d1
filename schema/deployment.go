package schema

// DeploymentKind is the top-level `deployment` item.
var DeploymentKind = &Key{
	Name:    "deployment",
	Type:    &Type{Kind: Object, Object: Deployment},
	Doc:     "A deployment that the platform may create automatically when a pipeline's deployment node needs it.",
	Example: "- deployment:\n    name: prod\n    defaults:\n      target: my-cluster",
}

// Deployment is the top-level deployment construct. The official schema
// does not check it, but its parser fails on an unknown key or a missing
// name, so both are errors here too.
var Deployment = &Obj{
	Name:  "deployment",
	Label: "name",
	Doc:   "A deployment declared in the file, created with its `defaults` when a pipeline needs it and the project does not have it yet.",
	Keys: []*Key{
		{
			Name: "name", Type: str, Required: true,
			Doc:     "Name of the deployment, URL-friendly and unique; deployment nodes refer to it.",
			Example: "name: production",
		},
		{
			Name: "defaults", Type: &Type{Kind: Object, Object: DeploymentDefaults},
			Doc:     "Settings used only when the deployment has to be created.",
			Example: "defaults:\n  target: my-cluster",
		},
	},
	Snippet: "name: ${1:my-deployment}\ndefaults:\n  target: ${2:cluster-id}",
}

// DeploymentDefaults is a deployment's `defaults`; it accepts other keys.
var DeploymentDefaults = &Obj{
	Name: "deployment defaults",
	Open: true,
	Keys: []*Key{
		{
			Name: "target", Type: str,
			Doc:     "Deployment target (cluster) name or UUID. Needed to create the deployment automatically.",
			Example: "target: my-cluster",
		},
		{Name: "allow-cors", Type: boolean, Doc: "Whether the deployment answers cross-origin (CORS) requests.", Example: "allow-cors: true"},
		{
			Name: "allow-configuration-snippets", Type: boolean,
			Doc:     "Whether the deployment accepts custom ingress configuration snippets.",
			Example: "allow-configuration-snippets: false",
		},
	},
	Snippet: "target: ${1:cluster-id}",
}
