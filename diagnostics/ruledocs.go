package diagnostics

// RuleDoc is the reference documentation of one code: why it matters,
// a file that reports it and the same file fixed, and whether Valohai's
// own checker, the valohai-yaml package, reports the same problem.
type RuleDoc struct {
	Code string
	// Why says what goes wrong on Valohai if the problem stays.
	Why string
	// Bad is a valohai.yaml that reports Code; Good is Bad fixed, which
	// does not.
	Bad, Good string
	// Official tells how valohai-yaml treats the problem.
	Official Official
	// Script, for the checks of a step against its script, is train.py,
	// which the examples run (package scripts tests them); FixedScript,
	// when set, is train.py in the fixed example.
	Script, FixedScript string
	// Fix, when set, names the code action that fixes the problem.
	Fix string
}

// syncFix is the Fix of the script checks that the "Sync step" action
// resolves.
const syncFix = "the code action \"Sync step \"train\" with train.py\" (on the step, or on the finding) adds to the step what the script declares and the step lacks, sets pass-true-as/pass-false-as on a flag whose option wants a value, and updates the types and defaults `valohai.prepare()` gives (not argparse's: the step's are the ones used), editing only those lines; `valohai-ls step train.py` does the same from the command line (see the README's \"The step and its script\")."

// Official is how valohai-yaml (the official checker) treats a problem.
type Official int

// How valohai-yaml treats a problem.
const (
	// OfficialReports: valohai-yaml reports it too.
	OfficialReports Official = iota
	// OfficialCrashes: valohai-yaml stops with an internal error instead
	// of a message.
	OfficialCrashes
	// OfficialSilent: valohai-ls goes further; valohai-yaml says nothing.
	OfficialSilent
)

// Base files the examples build on.
const (
	docStep = `- step:
    name: train
    image: python:3.12
    command: python train.py {parameters}
`
	docSteps = `- step: {name: prepare, image: python:3.12, command: python prepare.py}
- step:
    name: train
    image: python:3.12
    command: python train.py {parameters}
    parameters:
      - {name: epochs, type: integer, default: 10}
    inputs:
      - name: dataset
`
	docNodes = `- pipeline:
    name: main
    nodes:
      - {name: prep, type: execution, step: prepare}
      - {name: train, type: execution, step: train}
`
	// docNodesOpen leaves the train node open for more keys.
	docNodesOpen = `- pipeline:
    name: main
    nodes:
      - {name: prep, type: execution, step: prepare}
      - name: train
        type: execution
        step: train
`
	docEdge = `    edges:
      - [prep.output.*, train.input.dataset]
`
	docEndpoint = `- endpoint:
    name: predict
    image: python:3.12
    wsgi: predict:app
    files:
      - {name: model, path: model.pkl}
`
)

// RuleDocs returns the documentation of every code in Rules, in the same
// order.
func RuleDocs() []RuleDoc {
	docs := ruleDocs()
	for i := range docs {
		docs[i].Official = officialFor(docs[i].Code)
	}
	return docs
}

// officialFor tells how valohai-yaml treats the problem code reports.
func officialFor(code string) Official {
	switch code {
	case CodeInvalidDuration, CodeFlagMultiple, CodeTargetConflict, CodeUncheckableTarget:
		return OfficialCrashes
	case CodeExtraKind, CodeStrayKey, CodeDuplicateKey, CodeYAML11, "deprecated", CodeUnknownEndpoint,
		CodeUnknownPlaceholder, CodeDuplicateItem, CodeDottedNodeName, CodeUnknownFile, CodeFileSocketForm, CodeNameCollision, CodeEmptyRange,
		CodeOptionTwice, CodeMalformedPlaceholder, CodeUnbuildableCommand, CodeUnknownOutput:
		return OfficialSilent
	case CodeScriptUnknownOption, CodeScriptRequiredOption, CodeScriptFlagValue, CodeScriptUnknownStep,
		CodeScriptUndeclaredParameter, CodeScriptUnusedParameter, CodeScriptUndeclaredInput, CodeScriptUnusedInput,
		CodeScriptTypeMismatch, CodeScriptDefaultDiffers, CodeScriptMissing, CodeScriptUnreadable, CodeScriptNotRead:
		return OfficialSilent
	}
	return OfficialReports
}

func ruleDocs() []RuleDoc {
	return []RuleDoc{
		{
			Code: CodeSyntax,
			Why:  "Valohai cannot read the file at all, so none of its steps, pipelines or endpoints can be used.",
			Bad:  "- step:\n    name: train\n    image: python:3.12\n    command: \"python train.py\n",
			Good: "- step:\n    name: train\n    image: python:3.12\n    command: \"python train.py\"\n",
			Fix: "where one edit of the line makes the file parse and leaves nothing else wrong with its shape (a tab made spaces, " +
				"a space added after ':', an unclosed quote closed at the end of its line or removed, a misindented key lined up with its mapping), " +
				"the code action on the finding makes it; Fix All and `check --fix` apply it too",
		},
		{
			Code: CodeUnknownKey,
			Why:  "Valohai refuses a file with a key it does not know, and a misspelt key's setting would be lost anyway.",
			Bad:  "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n    enviroment: aws-eu-west-1-p2-xlarge\n",
			Good: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n    environment: aws-eu-west-1-p2-xlarge\n",
		},
		{
			Code: CodeMissingKey,
			Why:  "Valohai refuses the file: it cannot run a step without the Docker image to run it in.",
			Bad:  "- step:\n    name: train\n    command: python train.py\n",
			Good: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n",
		},
		{
			Code: CodeWrongType,
			Why:  "Valohai refuses the file when a value is not of the kind the key takes.",
			Bad:  docStep + "    parameters:\n      - name: epochs\n        type: integer\n        optional: maybe\n",
			Good: docStep + "    parameters:\n      - name: epochs\n        type: integer\n        optional: true\n",
		},
		{
			Code: CodeInvalidValue,
			Why:  "Valohai refuses the file when a key that takes one of a fixed set of values has another.",
			Bad:  docStep + "    parameters:\n      - name: verbose\n        type: boolean\n",
			Good: docStep + "    parameters:\n      - name: verbose\n        type: flag\n",
			Fix:  "the code action \"Change \"boolean\" to \"flag\"\" writes the value meant: the one of a close spelling, or the one another common word stands for (`int` for `integer`, `some` for `suffix`, `step` for `execution`); a word that may mean two (`number`: `float` or `integer`) offers both",
		},
		{
			Code: CodePattern,
			Why:  "Valohai refuses the file: names, paths and similar values must have a given form, such as lower case for endpoint names.",
			Bad:  "- endpoint:\n    name: Predict\n    image: python:3.12\n    wsgi: predict:app\n",
			Good: "- endpoint:\n    name: predict\n    image: python:3.12\n    wsgi: predict:app\n",
		},
		{
			Code: CodeRange,
			Why:  "Valohai refuses the file when a number is outside the range the key allows.",
			Bad:  docStep + "    resources:\n      devices:\n        nvidia.com/gpu: 0\n",
			Good: docStep + "    resources:\n      devices:\n        nvidia.com/gpu: 1\n",
		},
		{
			Code: CodeTooLong,
			Why:  "Valohai refuses the file when a text is longer than the key allows.",
			Bad:  docStep + "    upload-store: a-very-long-store-name-that-goes-on-and-on-and-on-beyond-the-limit-x\n",
			Good: docStep + "    upload-store: models-store\n",
		},
		{
			Code: CodeMixedVariant,
			Why:  "Valohai refuses the file: an endpoint is served either by a WSGI application or by a server command, not both.",
			Bad:  "- endpoint:\n    name: predict\n    image: python:3.12\n    wsgi: predict:app\n    server-command: python serve.py\n",
			Good: "- endpoint:\n    name: predict\n    image: python:3.12\n    server-command: python serve.py\n",
		},
		{
			Code: CodeMissingVariant,
			Why:  "Valohai refuses the file: it needs to know how to start the endpoint's server.",
			Bad:  "- endpoint:\n    name: predict\n    image: python:3.12\n",
			Good: "- endpoint:\n    name: predict\n    image: python:3.12\n    wsgi: predict:app\n",
		},
		{
			Code: CodeDuplicateName,
			Why:  "Only the later item is used; the earlier one silently disappears from Valohai.",
			Bad:  docStep + docStep,
			Good: docStep + "- step:\n    name: evaluate\n    image: python:3.12\n    command: python evaluate.py\n",
			Fix:  "the code action \"Rename this one to \"train-2\"\" renames the later item to the first free name (its references are left to you); the finding links to the first definition",
		},
		{
			Code: CodeUnknownKind,
			Why:  "Valohai skips an item whose kind it does not know, so its content is not used.",
			Bad:  "- stpe:\n    name: train\n    image: python:3.12\n    command: python train.py\n",
			Good: docStep,
		},
		{
			Code: CodeEmptyItem,
			Why:  "An item without content is refused or ignored; usually its keys are not indented under the kind.",
			Bad:  "- step:\n  name: train\n  image: python:3.12\n  command: python train.py\n",
			Good: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n",
		},
		{
			Code: CodeExtraKind,
			Why:  "Each item has one kind; the second one is ignored, with all its content.",
			Bad:  docStep + "  endpoint:\n    name: predict\n    image: python:3.12\n    wsgi: predict:app\n",
			Good: docStep + "- endpoint:\n    name: predict\n    image: python:3.12\n    wsgi: predict:app\n",
		},
		{
			Code: CodeStrayKey,
			Why:  "A key beside the item's kind, instead of under it, is ignored: its setting is lost.",
			Bad:  docStep + "  description: Trains the model\n",
			Good: docStep + "    description: Trains the model\n",
		},
		{
			Code: CodeDuplicateKey,
			Why:  "Only the last of the two values is used, which is rarely what was meant.",
			Bad:  "- step:\n    name: train\n    image: python:3.11\n    command: python train.py\n    image: python:3.12\n",
			Good: "- step:\n    name: train\n    command: python train.py\n    image: python:3.12\n",
		},
		{
			Code: CodeYAML11,
			Why:  "Valohai reads the file as YAML 1.1, where plain yes, no, on, off, 010 or 1_000 are not the text they look like.",
			Bad:  docStep + "    parameters:\n      - name: answer\n        type: string\n        choices: [yes, no]\n",
			Good: docStep + "    parameters:\n      - name: answer\n        type: string\n        choices: [\"yes\", \"no\"]\n",
			Fix:  "the code action \"Write yes in quotes\" quotes the value",
		},
		{
			Code: CodeForeignTag,
			Why:  "Valohai reads valohai.yaml with a YAML loader that builds only YAML's standard tags (!!str, !!int and the like); a tag of another tool, such as CloudFormation's !Ref, stops it, and the whole file is refused.",
			Bad:  "- step:\n    name: train\n    image: !Ref python:3.12\n    command: python train.py\n",
			Good: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n",
		},
		{
			Code: "deprecated",
			Why:  "The construct still works but may stop working in a later version of Valohai.",
			Bad:  docSteps + "- blueprint:\n    name: main\n    nodes:\n      - {name: train, type: execution, step: train}\n    edges: []\n",
			Good: docSteps + "- pipeline:\n    name: main\n    nodes:\n      - {name: train, type: execution, step: train}\n    edges: []\n",
		},
		{
			Code: CodeMissingEnvironment,
			Why:  "Valohai refuses a runtime config preset that is not tied to an environment.",
			Bad:  docStep + "    runtime-config-preset: large-shm\n",
			Good: docStep + "    runtime-config-preset: large-shm\n    environment: aws-eu-west-1-p2-xlarge\n",
		},
		{
			Code: CodeInvalidExpression,
			Why:  "Valohai evaluates the condition while the execution runs; one it cannot evaluate never stops anything.",
			Bad:  docStep + "    stop-condition: metadata.loss % 2\n",
			Good: docStep + "    stop-condition: metadata.loss < 0.1\n",
		},
		{
			Code: CodeInvalidDuration,
			Why:  "Valohai cannot read the file when a time limit is not a number of seconds or a text such as 1h 30m.",
			Bad:  docStep + "    time-limit: 1h30\n",
			Good: docStep + "    time-limit: 1h 30m\n",
		},
		{
			Code: CodeDuplicateNode,
			Why:  "Edges and targets name nodes; with two nodes of one name Valohai refuses the pipeline.",
			Bad:  docSteps + docNodes + "      - {name: train, type: execution, step: train}\n" + docEdge,
			Good: docSteps + docNodes + "      - {name: train-again, type: execution, step: train}\n" + docEdge,
			Fix:  "the code action \"Rename this one to \"train-2\"\" renames the later node to the first free name",
		},
		{
			Code: CodeUnknownNode,
			Why:  "Valohai refuses a pipeline whose edge or parameter target names a node it does not have.",
			Bad:  docSteps + docNodes + "    edges:\n      - [prep.output.*, trian.input.dataset]\n",
			Good: docSteps + docNodes + docEdge,
		},
		{
			Code: CodeSocketType,
			Why:  "Valohai refuses an edge whose socket type is not one it can connect (output, input, parameter, file and so on). A pipeline parameter's target whose type only starts with parameter, such as the plural parameters, is a hint: Valohai reads only the start of a target's type, so it works (Valohai's own example projects write it), but the format's type is parameter, the only one an edge accepts: an edge with the plural is refused.",
			Bad:  docSteps + docNodes + "    edges:\n      - [prep.outputs.*, train.input.dataset]\n",
			Good: docSteps + docNodes + docEdge,
		},
		{
			Code: CodeMalformedSocket,
			Why:  "Valohai cannot read the pipeline when a socket lacks its node, type or key.",
			Bad:  docSteps + docNodes + "    edges:\n      - [prep.output, train.input.dataset]\n",
			Good: docSteps + docNodes + docEdge,
		},
		{
			Code: CodeMalformedEdge,
			Why:  "Valohai cannot read the pipeline when a [source, target] edge does not have exactly two sockets.",
			Bad:  docSteps + docNodes + "    edges:\n      - [prep.output.*]\n",
			Good: docSteps + docNodes + docEdge,
		},
		{
			Code: CodeUnknownStep,
			Why:  "Valohai refuses a pipeline node whose step is not defined; a task's missing step cannot run.",
			Bad:  docSteps + "- pipeline:\n    name: main\n    nodes:\n      - {name: prep, type: execution, step: prepare}\n      - {name: train, type: execution, step: trian}\n" + docEdge,
			Good: docSteps + docNodes + docEdge,
		},
		{
			Code: CodeUnknownTask,
			Why:  "Valohai refuses a pipeline node that runs a task blueprint the file does not define.",
			Bad:  docSteps + "- task: {name: sweep, step: train, parameters: []}\n- pipeline:\n    name: main\n    nodes:\n      - {name: search, type: task, task: sweeep}\n    edges: []\n",
			Good: docSteps + "- task: {name: sweep, step: train, parameters: []}\n- pipeline:\n    name: main\n    nodes:\n      - {name: search, type: task, task: sweep}\n    edges: []\n",
		},
		{
			Code: CodeUnknownInput,
			Why:  "Valohai refuses an override of an input the step does not have (an error). It lets an edge to one through, but the step has no such input for the edge's files to land in: a warning, given only when the node's step is in the file and its inputs can all be read.",
			Bad:  docSteps + docNodesOpen + "        override:\n          inputs:\n            - name: datasett\n" + docEdge,
			Good: docSteps + docNodesOpen + "        override:\n          inputs:\n            - name: dataset\n" + docEdge,
		},
		{
			Code: CodeUnknownParameter,
			Why:  "Valohai refuses an override of a parameter the step does not have, or a pipeline parameter aimed at one on an execution node (an error). It lets an edge to one through, but the step has no such parameter for the edge's value to set: a warning, given only when the node's step is in the file and its parameters can all be read.",
			Bad:  docSteps + docNodesOpen + "        override:\n          parameters:\n            - name: epoch\n" + docEdge,
			Good: docSteps + docNodesOpen + "        override:\n          parameters:\n            - name: epochs\n" + docEdge,
		},
		{
			Code: CodeEmptyName,
			Why:  "Valohai refuses a deployment node without a name.",
			Bad:  docEndpoint + "- pipeline:\n    name: release\n    nodes:\n      - {name: \"\", type: deployment, deployment: production, endpoints: [predict]}\n    edges: []\n",
			Good: docEndpoint + "- pipeline:\n    name: release\n    nodes:\n      - {name: deploy, type: deployment, deployment: production, endpoints: [predict]}\n    edges: []\n",
		},
		{
			Code: CodeNoTarget,
			Why:  "Without a target cluster Valohai cannot create the deployment automatically.",
			Bad:  "- deployment:\n    name: staging\n",
			Good: "- deployment:\n    name: staging\n    defaults:\n      target: my-cluster\n",
		},
		{
			Code: CodeUnknownActionValue,
			Why:  "Valohai runs an action only at the moments it knows (node-starting, node-complete, node-error) and carries out only the outcomes it knows (stop-pipeline, error-pipeline, noop, require-approval). valohai-ls does not warn about require-approval, which Valohai documents and uses in its own projects; valohai-yaml does.",
			Bad:  docSteps + docNodesOpen + "        actions:\n          - {when: node-completed, if: metadata.loss > 1, then: stop-pipeline}\n" + docEdge,
			Good: docSteps + docNodesOpen + "        actions:\n          - {when: node-complete, if: metadata.loss > 1, then: stop-pipeline}\n" + docEdge,
		},
		{
			Code: CodeNoTargets,
			Why:  "A pipeline parameter without targets sets nothing when the pipeline runs.",
			Bad:  docSteps + docNodes + docEdge + "    parameters:\n      - name: epochs\n",
			Good: docSteps + docNodes + docEdge + "    parameters:\n      - name: epochs\n        targets: [train.parameter.epochs]\n",
		},
		{
			Code: CodeIneffectiveKey,
			Why:  "The key changes nothing for this type of parameter; the command is not what it suggests.",
			Bad:  docStep + "    parameters:\n      - name: verbose\n        type: flag\n        optional: true\n",
			Good: docStep + "    parameters:\n      - name: verbose\n        type: flag\n",
		},
		{
			Code: CodeInvalidDefault,
			Why:  "An execution that does not set the parameter gets the default; one that does not fit the parameter's type, range or choices is refused or reaches the script as something unexpected.",
			Bad:  docStep + "    parameters:\n      - {name: epochs, type: integer, default: ten}\n",
			Good: docStep + "    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
		},
		{
			Code: CodeBayesianOnly,
			Why:  "Only Bayesian optimisation tasks read this setting; on other tasks it does nothing.",
			Bad:  docStep + "- task: {name: sweep, step: train, type: grid_search, engine: optuna, parameters: []}\n",
			Good: docStep + "- task: {name: sweep, step: train, type: bayesian_tpe, engine: optuna, parameters: []}\n",
		},
		{
			Code: CodeManualSearchOnly,
			Why:  "Only manual search tasks read parameter sets; other tasks ignore them.",
			Bad:  docStep + "- task:\n    name: sweep\n    step: train\n    type: grid_search\n    parameter-sets:\n      - {epochs: 1}\n",
			Good: docStep + "- task:\n    name: sweep\n    step: train\n    type: manual_search\n    parameter-sets:\n      - {epochs: 1}\n",
		},
		{
			Code: CodeFlagMultiple,
			Why:  "Valohai cannot read the file when a flag takes several values.",
			Bad:  docStep + "    parameters:\n      - {name: verbose, type: flag, multiple: repeat}\n",
			Good: docStep + "    parameters:\n      - {name: verbose, type: flag}\n",
		},
		{
			Code: CodeTargetConflict,
			Why:  "Valohai cannot read a pipeline parameter that has both; list every target under targets.",
			Bad:  docSteps + docNodes + docEdge + "    parameters:\n      - name: epochs\n        target: train.parameter.epochs\n        targets: [train.parameter.epochs]\n",
			Good: docSteps + docNodes + docEdge + "    parameters:\n      - name: epochs\n        targets: [train.parameter.epochs]\n",
		},
		{
			Code: CodeUncheckableTarget,
			Why:  "Valohai cannot read a pipeline whose parameter targets a node that runs a step from another commit.",
			Bad:  docSteps + docNodes + "      - {name: old, type: execution, step: train, commit: abc123}\n" + docEdge + "    parameters:\n      - name: epochs\n        targets: [old.parameter.epochs]\n",
			Good: docSteps + docNodes + "      - {name: old, type: execution, step: train, commit: abc123}\n" + docEdge + "    parameters:\n      - name: epochs\n        targets: [train.parameter.epochs]\n",
		},
		{
			Code: CodeUnknownEndpoint,
			Why:  "An endpoint the file does not define is left out of the deployment, unless it comes from elsewhere.",
			Bad:  docEndpoint + "- pipeline:\n    name: release\n    nodes:\n      - {name: deploy, type: deployment, deployment: production, endpoints: [predictor]}\n    edges: []\n",
			Good: docEndpoint + "- pipeline:\n    name: release\n    nodes:\n      - {name: deploy, type: deployment, deployment: production, endpoints: [predict]}\n    edges: []\n",
		},
		{
			Code: CodeUnknownPlaceholder,
			Why:  "Valohai leaves a placeholder it cannot fill in the command as written, so the script gets the text {parameter:NAME} instead of a value, which it rarely takes: a warning (valohai-yaml builds the command without a word). Names that cannot be read as text are not checked.",
			Bad:  "- step:\n    name: train\n    image: python:3.12\n    command: python train.py --lr {parameter:lr}\n    parameters:\n      - {name: learning-rate, type: float}\n",
			Good: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py --lr {parameter:learning-rate}\n    parameters:\n      - {name: learning-rate, type: float}\n",
		},
		{
			Code: CodeDuplicateItem,
			Why:  "Only one of the two is used, so a setting silently disappears.",
			Bad:  docStep + "    parameters:\n      - {name: epochs, type: integer}\n      - {name: epochs, type: float}\n",
			Good: docStep + "    parameters:\n      - {name: epochs, type: integer}\n      - {name: learning-rate, type: float}\n",
			Fix:  "the code action \"Rename this one to \"epochs-2\"\" renames the later one to the first free name",
		},
		{
			Code: CodeDottedNodeName,
			Why:  "Edges and targets are written node.type.key, so a dot in a node name makes the node impossible to connect.",
			Bad:  docSteps + "- pipeline:\n    name: main\n    nodes:\n      - {name: prep.v2, type: execution, step: prepare}\n    edges: []\n",
			Good: docSteps + "- pipeline:\n    name: main\n    nodes:\n      - {name: prep-v2, type: execution, step: prepare}\n    edges: []\n",
		},
		{
			Code: CodeUnknownFile,
			Why:  "The deployment has no such file, so the data sent to it goes nowhere.",
			Bad:  docSteps + docEndpoint + "- pipeline:\n    name: release\n    nodes:\n      - {name: prep, type: execution, step: prepare}\n      - {name: deploy, type: deployment, deployment: production, endpoints: [predict]}\n    edges:\n      - [prep.output.model.pkl, deploy.file.predict.weights]\n",
			Good: docSteps + docEndpoint + "- pipeline:\n    name: release\n    nodes:\n      - {name: prep, type: execution, step: prepare}\n      - {name: deploy, type: deployment, deployment: production, endpoints: [predict]}\n    edges:\n      - [prep.output.model.pkl, deploy.file.predict.model]\n",
		},
		{
			Code: CodeFileSocketForm,
			Why:  "A file socket fills one file of one endpoint of the deployment; without both names the edge fills nothing. valohai-yaml lets it through, and Valohai may refuse it when the pipeline is created, so this is information.",
			Bad:  docSteps + docEndpoint + "- pipeline:\n    name: release\n    nodes:\n      - {name: prep, type: execution, step: prepare}\n      - {name: deploy, type: deployment, deployment: production, endpoints: [predict]}\n    edges:\n      - [prep.output.model.pkl, deploy.file.predict]\n",
			Good: docSteps + docEndpoint + "- pipeline:\n    name: release\n    nodes:\n      - {name: prep, type: execution, step: prepare}\n      - {name: deploy, type: deployment, deployment: production, endpoints: [predict]}\n    edges:\n      - [prep.output.model.pkl, deploy.file.predict.model]\n",
		},
		{
			Code: CodeUnknownOutput,
			Why:  "An output edge takes the files its key names (a file name or a glob such as model*). A step's outputs list is what it declares it writes; a key that matches none of them takes nothing when the step writes only those. Near a declared name it is most likely a typo (a warning, with the fix, which fix-all leaves alone as the step may still write the file); otherwise the step may write the file without declaring it (information). A glob may match a file in an output that reads as a folder (`results`, `plots/`). Nothing is said about a step that declares no outputs, or whose outputs cannot all be read.",
			Bad:  "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n    outputs:\n      - name: model.joblib\n- step:\n    name: evaluate\n    image: python:3.12\n    command: python evaluate.py\n    inputs:\n      - name: model\n- pipeline:\n    name: main\n    nodes:\n      - {name: train, type: execution, step: train}\n      - {name: evaluate, type: execution, step: evaluate}\n    edges:\n      - [train.output.model.jolib, evaluate.input.model]\n",
			Good: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n    outputs:\n      - name: model.joblib\n- step:\n    name: evaluate\n    image: python:3.12\n    command: python evaluate.py\n    inputs:\n      - name: model\n- pipeline:\n    name: main\n    nodes:\n      - {name: train, type: execution, step: train}\n      - {name: evaluate, type: execution, step: evaluate}\n    edges:\n      - [train.output.model.joblib, evaluate.input.model]\n",
		},
		{
			Code: CodeNameCollision,
			Why:  "Pipelines and blueprints share one list of names on Valohai; the later one silently replaces the earlier one.",
			Bad:  docSteps + docNodes + docEdge + "- blueprint:\n    name: main\n    nodes:\n      - {name: train, type: execution, step: train}\n    edges: []\n",
			Good: docSteps + docNodes + docEdge + "- blueprint:\n    name: train-only\n    nodes:\n      - {name: train, type: execution, step: train}\n    edges: []\n",
		},
		{
			Code: CodeEmptyRange,
			Why:  "No value can satisfy both limits, so the parameter cannot be given a valid value.",
			Bad:  docStep + "    parameters:\n      - {name: epochs, type: integer, min: 10, max: 1}\n",
			Good: docStep + "    parameters:\n      - {name: epochs, type: integer, min: 1, max: 10}\n",
		},
		{
			Code: CodeOptionTwice,
			Why:  "{parameter:NAME} expands to the whole option, --NAME=value, so the script receives --NAME twice (or a stray word) and argparse stops the run.",
			Bad:  "- step:\n    name: train\n    image: python:3.12\n    command: python train.py --epochs={parameter:epochs}\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
			Good: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameter:epochs}\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
		},
		{
			Code: CodeMalformedPlaceholder,
			Why:  "Valohai replaces only the placeholders it knows; any other text in braces reaches the script as written, so the parameter's value never arrives.",
			Bad:  "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {param:epochs}\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
			Good: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameter:epochs}\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
		},
		{
			Code: CodeUnbuildableCommand,
			Why:  "valohai-yaml, Valohai's own package for valohai.yaml, fills each parameter into its pass-as template to build a command; a list for a parameter that is not multiple, a list inside a repeated parameter's list, or a template field other than {name}, {value} and {v} stops it with an error, so the commands of a run with the defaults are not built. `valohai-ls command train` shows the same error. Where a pipeline node's override gives the list it is only a hint, as the list may be meant as one execution per value.",
			Bad:  "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - name: sizes\n        type: integer\n        default: [32, 64]\n      - name: lr\n        type: float\n        default: 0.1\n        pass-as: --lr={rate}\n",
			Good: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - name: sizes\n        type: integer\n        multiple: separate\n        default: [32, 64]\n      - name: lr\n        type: float\n        default: 0.1\n        pass-as: --lr={v}\n",
		},
		{
			Code:   CodeScriptUnknownOption,
			Why:    "argparse's parse_args stops the script with \"unrecognized arguments\" when it is given an option it does not define, so the execution fails before it starts working.",
			Bad:    "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n      - {name: lr, type: float, default: 0.1}\n",
			Good:   "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
			Script: "import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument(\"--epochs\", type=int, default=10)\nargs = parser.parse_args()\n",
			Fix:    "the code action \"Remove parameter \"lr\" from step \"train\"\" on the finding deletes the parameter's lines (the \"Sync step\" action never deletes anything); where the script has an option of a close spelling (`--learning_rate` for a parameter `learning-rate`), \"Rename parameter\" renames the parameter, with its references, to it",
		},
		{
			Code:   CodeScriptRequiredOption,
			Why:    "argparse stops a script that is not given a required option, so every execution of the step fails.",
			Bad:    "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n",
			Good:   "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - {name: data, type: string, default: data.csv}\n",
			Script: "import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument(\"--data\", required=True)\nargs = parser.parse_args()\n",
			Fix:    "the code action \"Sync step \"train\" with train.py\" adds a parameter for the option when the command passes `{parameters}`; here, add `{parameters}` to the command first",
		},
		{
			Code:   CodeScriptFlagValue,
			Why:    "Valohai passes a true flag as the option alone (--verbose), and argparse stops a script whose option expects a value after it.",
			Bad:    "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - {name: verbose, type: flag, default: true}\n",
			Good:   "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - {name: verbose, type: flag, default: true, pass-true-as: \"--verbose=true\"}\n",
			Script: "import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument(\"--verbose\")\nargs = parser.parse_args()\n",
			Fix:    syncFix,
		},
		{
			Code:   CodeScriptUnknownStep,
			Why:    "vh yaml step and valohai-utils look the step up by this name: a name that is not in valohai.yaml usually means the step was renamed on one side only.",
			Bad:    "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n",
			Good:   "- step:\n    name: training\n    image: python:3.12\n    command: python train.py\n",
			Script: "import valohai\n\nvalohai.prepare(step=\"training\")\n",
		},
		{
			Code:   CodeScriptUndeclaredParameter,
			Why:    "A value the script declares or reads but the step does not have cannot be set for an execution, so it silently keeps the script's default.",
			Bad:    "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n",
			Good:   "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
			Script: "import valohai\n\nvalohai.prepare(step=\"train\", default_parameters={\"epochs\": 10})\n",
			Fix:    syncFix,
		},
		{
			Code:   CodeScriptUnusedParameter,
			Why:    "A parameter the script does not declare is set in the UI for nothing: the script never reads it.",
			Bad:    "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n      - {name: lr, type: float, default: 0.1}\n",
			Good:   "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
			Script: "import valohai\n\nvalohai.prepare(step=\"train\", default_parameters={\"epochs\": 10})\n",
			Fix:    "where the script has an option of a close spelling (`--learning_rate` for a parameter `learning-rate`), the code action \"Rename parameter\" renames the parameter, with its references, to it",
		},
		{
			Code:   CodeScriptUndeclaredInput,
			Why:    "An input the script reads but the step does not declare is never downloaded, so the script finds no file.",
			Bad:    "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n",
			Good:   "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n    inputs:\n      - name: dataset\n",
			Script: "import valohai\n\nvalohai.prepare(step=\"train\", default_inputs={\"dataset\": \"s3://bucket/data.csv\"})\n",
			Fix:    syncFix,
		},
		{
			Code:   CodeScriptUnusedInput,
			Why:    "An input the script does not declare is downloaded for every execution and never read.",
			Bad:    "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n    inputs:\n      - name: dataset\n      - name: extra\n",
			Good:   "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n    inputs:\n      - name: dataset\n",
			Script: "import valohai\n\nvalohai.prepare(step=\"train\", default_inputs={\"dataset\": \"s3://bucket/data.csv\"})\n",
		},
		{
			Code:   CodeScriptTypeMismatch,
			Why:    "The UI checks values against the step's type and the script converts them with its own, so a value accepted by one can be refused by the other.",
			Bad:    "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - {name: epochs, type: string, default: \"10\"}\n",
			Good:   "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
			Script: "import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument(\"--epochs\", type=int, default=10)\nargs = parser.parse_args()\n",
			Fix:    "the code action \"Sync step \"train\" with train.py\" writes the type `valohai.prepare()` gives; an argparse script's type is left to you",
		},
		{
			Code:   CodeScriptDefaultDiffers,
			Why:    "The step's default is the one an execution gets; the script's is only used when it runs elsewhere, so the two give different results.",
			Bad:    "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - {name: epochs, type: integer, default: 5}\n",
			Good:   "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
			Script: "import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument(\"--epochs\", type=int, default=10)\nargs = parser.parse_args()\n",
			Fix:    "the code action \"Sync step \"train\" with train.py\" writes the default `valohai.prepare()` gives; an argparse script's default is left to you, as the step's is the one used",
		},
		{
			Code:   CodeScriptMissing,
			Why:    "valohai-ls cannot compare the step with a script it cannot find; fine when the step downloads or builds the script before running it.",
			Bad:    "- step:\n    name: train\n    image: python:3.12\n    command: python missing.py\n",
			Good:   "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n",
			Script: "import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument(\"--epochs\", type=int, default=10)\nargs = parser.parse_args()\n",
		},
		{
			Code:        CodeScriptUnreadable,
			Why:         "valohai-ls reads literals only, as valohai-utils does, so it cannot tell what a computed value holds; nor can it compare a script it cannot read: one it may not open, one larger than 2 MiB, or one with brackets nested more than 200 deep, which Python itself refuses.",
			Bad:         "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n",
			Good:        "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
			Script:      "import valohai\n\nPARAMS = dict(epochs=10)\nvalohai.prepare(step=\"train\", default_parameters=PARAMS)\n",
			FixedScript: "import valohai\n\nvalohai.prepare(step=\"train\", default_parameters={\"epochs\": 10})\n",
		},
		{
			Code:   CodeScriptNotRead,
			Why:    "valohai-ls reads Python scripts only; it says so where a step gives its parameters to another program, or runs no Python script it could compare, so that no finding never means not looked at.",
			Bad:    "- step:\n    name: train\n    image: r-base\n    command: Rscript train.R {parameters}\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
			Good:   "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - {name: epochs, type: integer, default: 10}\n",
			Script: "import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument(\"--epochs\", type=int, default=10)\nargs = parser.parse_args()\n",
		},
	}
}
