// Package layers holds the test that keeps the project's imports running
// one way: each production package sits in a layer and imports only
// packages of lower layers (see CONTRIBUTING.md, Layout).
package layers
