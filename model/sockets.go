package model

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/schema"
)

// SocketTypes are the types an edge socket may have, on either side.
var SocketTypes = []string{
	schema.SocketOutput, schema.SocketInput, schema.SocketParameter, schema.SocketMetadata,
	schema.SocketFile, schema.SocketEnvVar, schema.SocketDependency, schema.SocketDeployment,
}

// Socket is an edge end or a parameter target, `<node>.<type>.<key>`, as
// the official parser splits it: at the first two dots.
type Socket struct {
	Node, Type, Key string
	// Parts is how many of the three parts are written (1 to 3).
	Parts int
	// TypeAt and KeyAt are the byte offsets of Type and Key in the text.
	TypeAt, KeyAt int
}

// ParseSocket splits a socket string.
func ParseSocket(s string) Socket {
	out := Socket{Parts: 1}
	node, rest, ok := strings.Cut(s, ".")
	out.Node = node
	if !ok {
		return out
	}
	out.Parts, out.TypeAt = 2, len(node)+1
	typ, key, ok := strings.Cut(rest, ".")
	out.Type = typ
	if !ok {
		return out
	}
	out.Parts, out.KeyAt, out.Key = 3, out.TypeAt+len(typ)+1, key
	return out
}

// String writes the socket back.
func (s Socket) String() string {
	switch s.Parts {
	case 1:
		return s.Node
	case 2:
		return s.Node + "." + s.Type
	}
	return s.Node + "." + s.Type + "." + s.Key
}

// Wildcard reports whether the key is a glob pattern (`model*`), which
// names outputs by their files rather than by a declared name.
func (s Socket) Wildcard() bool { return IsWildcard(s.Key) }

// IsWildcard reports whether a socket key is a glob pattern.
func IsWildcard(key string) bool { return strings.ContainsAny(key, "*?[") }

// KnownType reports whether t is a socket type.
func KnownType(t string) bool {
	for _, s := range SocketTypes {
		if s == t {
			return true
		}
	}
	return false
}

// FileKey splits the key of a file socket, `<endpoint>.<file>`.
func FileKey(key string) (endpoint, file string, ok bool) {
	return strings.Cut(key, ".")
}
