package schema

import "regexp"

// EndpointKind is the top-level `endpoint` item.
var EndpointKind = &Key{
	Name:    "endpoint",
	Type:    &Type{Kind: Object, Object: Endpoint},
	Doc:     endpointDoc,
	Example: "- endpoint:\n    name: predict\n    image: python:3.12\n    wsgi: predict:app",
}

const endpointDoc = "A deployment endpoint: an HTTP inference service that Valohai runs on Kubernetes. " +
	"It is either a `server-command` endpoint (any HTTP server you start) or a `wsgi` " +
	"endpoint (a Python WSGI application that Valohai serves)."

// Endpoint is the endpoint construct.
var Endpoint = &Obj{
	Name:  "endpoint",
	Label: "name",
	Doc:   endpointDoc,
	Keys: []*Key{
		{
			Name: "name", Type: endpointName, Required: true,
			Doc: "Name of the endpoint. It becomes the last segment of the deployment URL, so it is " +
				"restricted to a lower-case letter followed by at least one lower-case letter, digit or dash.",
			Example: "name: digit-predictor",
		},
		{
			Name: "image", Type: str, Required: true,
			Doc:     "Docker image in which the serving code runs. It must contain the libraries the server needs.",
			Example: "image: tensorflow/tensorflow:2.15.0",
		},
		{
			Name: "server-command", Type: strOrList,
			Doc: "Command that starts your own HTTP server (the server-command variant). The server " +
				"must listen on all interfaces (`0.0.0.0`) at `port`. Use either this or `wsgi`, not both.",
			Example: "server-command: python server.py",
		},
		{
			Name: "wsgi", Type: &Type{Kind: String, Ref: RefWSGI},
			Doc: "Python WSGI application that Valohai serves (the WSGI variant): a module path, " +
				"optionally followed by `:` and the callable's name. Use either this or `server-command`, not both.",
			Example: "wsgi: predict:app",
		},
		{
			Name: "port", Type: &Type{Kind: Number, Name: "number from 1025 to 65535", Min: num(1025), Max: num(65535)},
			Default: "8000", Snippet: " ${1:8000}",
			Doc:     "TCP port the HTTP server listens on, from 1025 to 65535.",
			Example: "port: 8000",
		},
		{
			Name: "description", Type: str,
			Doc:     "Free-form description of the endpoint, shown in the UI.",
			Example: "description: Predicts the digit in an image",
		},
		{
			Name: "files", Type: listOf(EndpointFile), Default: "[]",
			Doc: "Files (typically a trained model) that are placed into the deployment, at paths relative " +
				"to the code's working directory. A pipeline's deployment node fills them from edges.",
			Example: "files:\n  - name: model\n    path: model.pb",
		},
		{
			Name: "node-selector", Type: &Type{Kind: String, Pattern: regexp.MustCompile(`=`), PatternHelp: "a `key=value` Kubernetes node label"},
			Doc:     "Kubernetes node selector, as `label=value`, that restricts the nodes the endpoint may run on.",
			Example: "node-selector: cloud.google.com/gke-accelerator=nvidia-tesla-t4",
		},
		{
			Name: "resources", Type: &Type{Kind: Object, Object: EndpointResources},
			Doc:     "Kubernetes resource requests and limits for the endpoint's containers.",
			Example: "resources:\n  cpu:\n    min: 0.5\n  memory:\n    max: 2048",
		},
		{
			Name: "tolerations", Type: listOf(Toleration),
			Doc:     "Kubernetes tolerations: the node taints the endpoint accepts to be scheduled onto.",
			Example: "tolerations:\n  - key: gpu\n    operator: Exists\n    effect: NoSchedule",
		},
	},
	Variants: []Variant{
		{Name: "server-command", Keys: []string{"server-command"}},
		{Name: "wsgi", Keys: []string{"wsgi"}},
	},
	Snippet: "name: ${1:my-endpoint}\nimage: ${2:python:3.12}\n${3|wsgi: predict:app,server-command: python server.py|}\nport: ${4:8000}",
}

// endpointName is the endpoint name rule: the pattern `^[a-z][a-z0-9-]+$`,
// applied strictly (no trailing newline accepted).
var endpointName = &Type{
	Kind:        String,
	Name:        "endpoint name",
	Pattern:     regexp.MustCompile(`\A[a-z][a-z0-9-]+\z`),
	PatternHelp: "a lower-case letter followed by at least one lower-case letter, digit or dash",
}

// EndpointFile is an item of an endpoint's `files`.
var EndpointFile = &Obj{
	Name:  "endpoint file",
	Label: "name",
	Keys: []*Key{
		{
			Name: "name", Type: str, Required: true,
			Doc: "Name of the file slot. A pipeline edge fills it with " +
				"`<deployment-node>.file.<endpoint>.<file-name>`.",
			Example: "name: model",
		},
		{
			Name: "path", Type: str, Required: true,
			Doc:     "Where the file is placed, relative to the endpoint's working directory.",
			Example: "path: models/model.h5",
		},
		{
			Name: "description", Type: str,
			Doc:     "What the file is.",
			Example: "description: Trained weights",
		},
	},
	Snippet: "name: ${1:model}\npath: ${2:model.pb}",
}

// minMax returns a closed {min, max} object whose values have type t.
func minMax(name, unit string, t *Type) *Type {
	return &Type{Kind: Object, Object: &Obj{
		Name: name,
		Keys: []*Key{
			{Name: "min", Type: t, Doc: "Requested amount (" + unit + "): the scheduler reserves at least this much.", Example: "min: 1"},
			{Name: "max", Type: t, Doc: "Upper limit (" + unit + ") that the container may use.", Example: "max: 2"},
		},
	}}
}

var (
	cpuResource     = minMax("cpu resource", "vCPUs; 0.5 is half a CPU", number)
	memoryResource  = minMax("memory resource", "megabytes", number)
	storageResource = minMax("ephemeral-storage resource", "whole megabytes", integer)
	devicesResource = &Type{Kind: Object, Object: &Obj{
		Name:   "devices",
		Open:   true,
		Values: &Type{Kind: Number, Name: "device count", Min: num(1)},
	}}
)

// resourceKeys returns the resource keys shared by steps and endpoints.
func resourceKeys() []*Key {
	return []*Key{
		{Name: "cpu", Type: cpuResource, Doc: "CPU request and limit, in vCPUs (`0.1` is a tenth of a CPU).", Example: "cpu:\n  min: 1\n  max: 2"},
		{Name: "memory", Type: memoryResource, Doc: "Memory request and limit, in megabytes.", Example: "memory:\n  min: 1024\n  max: 4096"},
		{Name: "devices", Type: devicesResource, Doc: "Devices to allocate, by Kubernetes device name, each with a count of at least 1. " +
			"An empty mapping asks for no devices, overriding the platform's defaults.", Example: "devices:\n  nvidia.com/gpu: 1"},
	}
}

// EndpointResources is an endpoint's `resources`.
var EndpointResources = &Obj{
	Name: "endpoint resources",
	Keys: append(resourceKeys(), &Key{
		Name: "ephemeral-storage", Type: storageResource,
		Doc:     "Ephemeral (scratch disk) storage request and limit in whole megabytes. Only endpoints accept it.",
		Example: "ephemeral-storage:\n  min: 1024",
	}),
}

// Toleration is an item of an endpoint's `tolerations`.
var Toleration = &Obj{
	Name: "toleration",
	Keys: []*Key{
		{Name: "key", Type: str, Doc: "Taint key to tolerate. It may be left out only with `operator: Exists`, which then matches every taint key.", Example: "key: dedicated"},
		{Name: "operator", Type: &Type{Kind: String, Enum: []Value{
			{"Exists", "Tolerates the taint whatever its value; `value` is not needed."},
			{"Equal", "Tolerates the taint only when its value equals `value` (the Kubernetes default)."},
		}, Aliases: operatorAliases}, Default: "Equal", Doc: "How the taint's value is compared.", Example: "operator: Equal"},
		{Name: "value", Type: str, Doc: "Taint value to match with `operator: Equal`.", Example: "value: gpu"},
		{Name: "effect", Type: &Type{Kind: String, Enum: []Value{
			{"NoSchedule", "New pods are not scheduled onto the node unless they tolerate the taint."},
			{"PreferNoSchedule", "The scheduler tries to avoid the node, but may still use it."},
			{"NoExecute", "Pods that do not tolerate the taint are evicted from the node."},
		}}, Doc: "Taint effect to tolerate. Left out, every effect is tolerated.", Example: "effect: NoSchedule"},
	},
	Requires: []Requirement{{
		Key: "key", Unless: "operator", Values: []string{"Exists"}, Excludes: []string{"value"},
		Why: "only operator Exists, or no operator, tolerates a taint whatever its key",
	}},
	Snippet: "key: ${1:dedicated}\noperator: ${2|Equal,Exists|}\nvalue: ${3:gpu}\neffect: ${4|NoSchedule,PreferNoSchedule,NoExecute|}",
}
