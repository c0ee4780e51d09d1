module github.com/valohai-ls/valohai-ls

go 1.26.8

require (
	github.com/agnivade/levenshtein v1.2.2
	gopkg.in/yaml.v3 v3.0.1
)
