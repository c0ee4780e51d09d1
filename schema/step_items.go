package schema

import "regexp"

var (
	mountPattern = regexp.MustCompile(`^/.+:/.+$`)
	absPattern   = regexp.MustCompile(`^/.+$`)
)

// Parameter is an item of a step's `parameters`.
var Parameter = &Obj{
	Name:  "parameter",
	Label: "name",
	Doc:   "A named value that the step's command receives, typed and optionally constrained.",
	Keys: []*Key{
		{
			Name: "name", Type: str, Required: true,
			Doc: "Name of the parameter. The default `pass-as` is `--<name>=<value>`, and commands can place it " +
				"alone with `{parameter:<name>}`. A later parameter with the same name replaces this one.",
			Example: "name: learning-rate",
		},
		{
			Name: "type", Type: &Type{Kind: String, Enum: []Value{
				{"string", "Any text (the default)."},
				{"integer", "A whole number."},
				{"float", "A number that may have a fractional part."},
				{"flag", "A true/false switch: by default `--<name>` is passed when true and nothing when false."},
			}, Aliases: paramTypeAliases}, Default: "string",
			Doc:     "Type of the parameter's value.",
			Example: "type: float",
		},
		{
			Name: "default", Type: anyType,
			Doc: "Value used when none is given. For a `multiple` parameter a list, or a single value that " +
				"becomes a one-item list. Its type should match `type`.",
			Example: "default: 0.001",
		},
		{Name: "description", Type: str, Doc: "Help text shown beside the parameter in the UI.", Example: "description: Step size of the optimiser"},
		{
			Name: "optional", Type: boolean, Default: "false",
			Doc:     "Whether the parameter may be left without a value. Flags are always optional, so this has no effect on them.",
			Example: "optional: true",
		},
		{Name: "min", Type: number, Doc: "Smallest value accepted (for `integer` and `float` parameters).", Example: "min: 0"},
		{Name: "max", Type: number, Doc: "Largest value accepted (for `integer` and `float` parameters).", Example: "max: 1"},
		{
			Name: "choices", Type: &Type{Kind: List, Items: anyType},
			Doc:     "The only values accepted; the UI offers them in a drop-down. Ignored on flags, which are always true or false.",
			Example: "choices:\n  - adam\n  - sgd",
		},
		{
			Name: "multiple", Type: &Type{Kind: String, Enum: []Value{
				{"none", "One value only (the default)."},
				{"repeat", "A list of values; the `pass-as` form is repeated for each value."},
				{"separate", "A list of values joined with `multiple-separator` into one `pass-as` argument."},
			}, Aliases: multipleAliases}, Default: "none",
			Doc:     "Whether the parameter takes a list of values, and how they are passed. Not allowed on flags.",
			Example: "multiple: separate",
		},
		{
			Name: "multiple-separator", Type: str, Default: ",",
			Doc:     "Text put between the values of a `multiple: separate` parameter.",
			Example: "multiple-separator: \";\"",
		},
		{
			Name: "pass-as", Type: str, Default: "--{name}={value}",
			Doc: "How the parameter is written on the command line. `{name}` is the name, `{value}` (or `{v}`) " +
				"the value; the text is split at spaces into separate arguments. Flags default to `--{name}`.",
			Example: "pass-as: -lr {v}",
		},
		{
			Name: "pass-true-as", Type: str,
			Doc:     "Flags only: what is written when the flag is true. With this or `pass-false-as`, `pass-as` is not used.",
			Example: "pass-true-as: --verbose",
		},
		{
			Name: "pass-false-as", Type: str,
			Doc:     "Flags only: what is written when the flag is false (by default nothing).",
			Example: "pass-false-as: --quiet",
		},
		{Name: "category", Type: str, Doc: "Group name under which the UI lists the parameter.", Example: "category: Optimiser"},
		{
			Name: "widget", Type: widgetType,
			Doc:     "UI widget used to edit the value: a widget name, or a mapping with `type` and `settings`.",
			Example: "widget: sql",
		},
	},
	Snippet: "name: ${1:epochs}\ntype: ${2|integer,float,string,flag|}\ndefault: ${3:10}",
}

// widgetType is a parameter's `widget`: a name or a mapping.
var widgetType = &Type{Kind: OneOf, Name: "widget name or mapping", Options: []*Type{str, {Kind: Object, Object: Widget}}}

// Widget is the mapping form of a parameter's `widget`. It accepts other
// keys too.
var Widget = &Obj{
	Name: "widget",
	Open: true,
	Keys: []*Key{
		{Name: "type", Type: str, Required: true, Doc: "Kind of widget (case does not matter).", Example: "type: DatumAlias"},
		{Name: "settings", Type: openObject("widget settings"), Doc: "Free-form settings of the widget.", Example: "settings:\n  width: 300"},
	},
	Snippet: "type: ${1:sql}",
}

// Input is an item of a step's `inputs`.
var Input = &Obj{
	Name:  "input",
	Label: "name",
	Doc:   "A file or set of files the step reads, downloaded before the command runs.",
	Keys: []*Key{
		{
			Name: "name", Type: &Type{Kind: String, Name: "input name", MaxLength: 64}, Required: true,
			Doc: "Name of the input, at most 64 characters. Its files are put in `/valohai/inputs/<name>/`, " +
				"and pipeline edges address it as `<node>.input.<name>`.",
			Example: "name: training-data",
		},
		{
			Name: "default", Type: strOrList,
			Doc:     "URL, datum URI or store path of the file(s) used when none are given; a list for several files.",
			Example: "default: s3://bucket/train/*.csv",
		},
		{Name: "description", Type: str, Doc: "Help text shown beside the input in the UI.", Example: "description: Labelled training images"},
		{
			Name: "optional", Type: boolean, Default: "false",
			Doc:     "Whether the execution may run without this input.",
			Example: "optional: true",
		},
		{
			Name: "filename", Type: str,
			Doc:     "Name to give the downloaded file. It has no effect when the input has several files.",
			Example: "filename: data.csv",
		},
		{
			Name: "keep-directories", Type: &Type{Kind: String, Name: "boolean or directory mode", EnumAlsoBool: true, Enum: []Value{
				{"none", "All files land directly in the input folder (the default, same as `false`)."},
				{"full", "Files keep their whole path from the root of the store (same as `true`)."},
				{"suffix", "Files keep the part of their path that follows the wildcard's fixed prefix."},
			}, Aliases: keepDirectoriesAliases}, Default: "false",
			Doc:     "How the folder structure of wildcard inputs is kept: `none`, `full`, `suffix`, or `true`/`false`.",
			Example: "keep-directories: suffix",
		},
		{
			Name: "download", Type: &Type{Kind: String, Enum: []Value{
				{"always", "Files are downloaded before the command starts (the default)."},
				{"on-demand", "Files are not downloaded; the code gets authenticated URLs and fetches what it needs."},
			}, Aliases: downloadAliases}, Default: "always",
			Doc:     "When the input's files are downloaded.",
			Example: "download: on-demand",
		},
	},
	Snippet: "name: ${1:dataset}\ndefault: ${2:s3://bucket/path}",
}

// Output is an item of a step's `outputs`.
var Output = &Obj{
	Name:  "output",
	Label: "name",
	Doc:   "An output the step is expected to produce.",
	Keys: []*Key{
		{Name: "name", Type: str, Required: true, Doc: "Name (often the file name) of the output.", Example: "name: model.h5"},
		{Name: "description", Type: str, Doc: "What the output holds.", Example: "description: Trained weights"},
	},
	Snippet: "name: ${1:model.pkl}",
}

// EnvVar is an item of `environment-variables` in steps and overrides.
var EnvVar = &Obj{
	Name:  "environment variable",
	Label: "name",
	Doc:   "An environment variable of the execution.",
	Keys: []*Key{
		{Name: "name", Type: str, Required: true, Doc: "Name of the variable. A later variable with the same name replaces this one.", Example: "name: LOG_LEVEL"},
		{
			Name: "default", Type: str,
			Doc:     "Default value. It must be text: quote numbers and words such as `yes` (`\"5\"`, `\"yes\"`).",
			Example: "default: \"info\"",
		},
		{Name: "description", Type: str, Doc: "Help text shown beside the variable in the UI.", Example: "description: Verbosity of the logs"},
		{
			Name: "optional", Type: boolean, Default: "true",
			Doc: "Whether the variable may be left without a value. Unlike parameters, variables are optional " +
				"unless this is `false`; an execution cannot start while a required variable has no value.",
			Example: "optional: false",
		},
	},
	Snippet: "name: ${1:NAME}\ndefault: \"${2:value}\"",
}

// mountType is a mount: `source:destination` text or a mapping.
var mountType = &Type{Kind: OneOf, Name: "`/source:/destination` string or mount mapping", Options: []*Type{
	{Kind: String, Name: "mount string", Pattern: mountPattern, PatternHelp: "two absolute paths joined by `:`, as in `/host/data:/data`"},
	{Kind: Object, Object: Mount},
}}

// Mount is the mapping form of a mount.
var Mount = &Obj{
	Name: "mount",
	Doc:  "A filesystem mounted into the execution's container.",
	Keys: []*Key{
		{Name: "source", Type: str, Required: true, Doc: "Where the data comes from: a host path for local mounts, or a type-specific address such as `server:/export` for NFS.", Example: "source: /mnt/shared"},
		{
			Name: "destination", Type: &Type{Kind: String, Name: "container path", Pattern: absPattern, PatternHelp: "an absolute path"},
			Required: true, Doc: "Absolute path inside the container where the data appears.", Example: "destination: /data",
		},
		{Name: "readonly", Type: boolean, Default: "false", Doc: "Whether the mount is read-only.", Example: "readonly: true"},
		{Name: "type", Type: str, Doc: "Kind of mount, for example `nfs`; left out, a local path.", Example: "type: nfs"},
		{Name: "options", Type: openObject("mount options"), Default: "{}", Doc: "Extra options for the mount, passed on as given.", Example: "options:\n  nfsvers: 4"},
	},
	Snippet: "source: ${1:/mnt/data}\ndestination: ${2:/data}\nreadonly: ${3|true,false|}",
}
