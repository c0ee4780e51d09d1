// Package model is the meaning of one version of a valohai.yaml: the items
// it holds (each of the kind the official loader reads it as), the names
// they define, and every place that refers to a name, resolved to its
// definition. It is built once per version and shared: completion, hover,
// navigation, diagnostics and code actions all ask it what a name means,
// so no two features can disagree.
//
// The rules that decide meaning live here and only here:
//   - an item's kind is its first kind key in the loader's order of
//     preference (step, task, endpoint, pipeline, blueprint, deployment);
//   - of several items of one collection with one name, the last one wins
//     (pipelines and blueprints share one collection);
//   - the step a pipeline node runs (StepOf): a task node that names a task
//     blueprint runs the blueprint's step, a node pinned to a commit runs a
//     step defined elsewhere;
//   - a socket is <node>.<type>.<key> (ParseSocket), and a key with glob
//     characters is a wildcard;
//   - a command's {parameter:NAME} placeholders (Placeholders);
//   - a `<<` merge brings keys into a mapping as PyYAML reads it: every key
//     is read through document.ValueOf, KeyOf and Pairs, which resolve
//     merges, and never from a mapping's nodes directly.
//
// References are found by walking each item along the schema: every value
// whose schema type carries a reference annotation (schema.Ref) is one, so
// a new referencing key is a schema edit.
//
// An item with a YAML syntax error is recovered as far as its lines allow
// (its name, its parameters, inputs and outputs) and marked Broken: a
// reference that may point into it is never reported as unknown.
//
// Each top-level item that parsed has a summary, made from its tree alone
// (its symbol and the symbols inside it) and kept with the tree, so that
// a later version reuses it for every item an edit did not touch, moved to
// where the item now is; building a version's model only links the
// summaries (the name tables). References are found per version, on first
// use. A view made by Tracking records what its lookups answered (Deps),
// so that a result computed from one item can be reused while Holds.
//
// A model may also be assembled from hollow items (Hollow), which keep
// their names but not their trees and are loaded again when a lookup
// finds them: how a huge file is checked item by item.
//
// Positions are byte offsets of the document's text.
package model
