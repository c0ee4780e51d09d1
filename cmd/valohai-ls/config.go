package main

import (
	"os"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/textenc"
)

// loadConfig finds the configuration file of --config (see findConfig),
// reads it and returns its path and model.
func loadConfig(flag string) (string, *model.Model, error) {
	config, err := findConfig(flag)
	if err != nil {
		return "", nil, err
	}
	raw, err := os.ReadFile(config)
	if err != nil {
		return "", nil, err
	}
	text, _ := textenc.Decode(raw)
	return config, model.Of(document.New("file:///"+config, 1, text)), nil
}
