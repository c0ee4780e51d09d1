package commands

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/valohai-ls/valohai-ls/pyvalue"
)

// ValuesFromJSON reads a JSON object of parameter values as Python's
// json module would: a number with a fraction or an exponent is a float,
// others ints. The names are returned in the order written.
func ValuesFromJSON(data []byte) (map[string]pyvalue.Value, []string, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	tok, err := d.Token()
	if err != nil {
		return nil, nil, fmt.Errorf("reading the values: %w", err)
	}
	if tok != json.Delim('{') {
		return nil, nil, fmt.Errorf("the values must be a JSON object of parameter names and values")
	}
	values := map[string]pyvalue.Value{}
	var names []string
	for d.More() {
		k, err := d.Token()
		if err != nil {
			return nil, nil, fmt.Errorf("reading the values: %w", err)
		}
		var raw any
		if err := d.Decode(&raw); err != nil {
			return nil, nil, fmt.Errorf("reading the value of %q: %w", k, err)
		}
		name := k.(string)
		if _, seen := values[name]; !seen {
			names = append(names, name)
		}
		values[name] = pyvalue.FromJSON(raw)
	}
	if _, err := d.Token(); err != nil {
		return nil, nil, fmt.Errorf("reading the values: %w", err)
	}
	if _, err := d.Token(); err == nil {
		return nil, nil, fmt.Errorf("the values are followed by more text")
	}
	return values, names, nil
}
