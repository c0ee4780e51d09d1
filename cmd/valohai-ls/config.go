package main

import (
	"os"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// loadConfig finds the configuration file of --config (see findConfig),
// reads it and returns its path and model.
func loadConfig(flag string) (string, *model.Model, error) {
	config, err := findConfig(flag)
	if err != nil {
		return "", nil, err
	}
	text, err := os.ReadFile(config)
	if err != nil {
		return "", nil, err
	}
	return config, model.Of(document.New("file:///"+config, 1, string(text))), nil
}
