package graph

import "sort"

// Sizes of the picture, in SVG user units.
const (
	boxW   = 170
	boxH   = 48
	gapX   = 130
	gapY   = 28
	margin = 20
)

// placed is a node of the picture: a pipeline node, or a stand-in for the
// node an edge names that the pipeline does not have.
type placed struct {
	Node
	phantom      bool
	layer, order int
	x, y         float64
}

// link is an edge between two placed nodes.
type link struct {
	Edge
	from, to int
}

// layout is a graph laid out in layers from left to right.
type layout struct {
	nodes         []*placed
	links         []link
	width, height float64
}

// lay places the graph's nodes: each node one layer right of the furthest
// node that feeds it (edges that close a cycle are ignored for this), and
// the nodes of a layer ordered to keep edges short, by a few sweeps of the
// mean position of their neighbours.
func lay(g Graph) *layout {
	l := &layout{}
	index := map[string]int{}
	add := func(n Node, phantom bool) int {
		if i, ok := index[n.Name]; ok {
			return i
		}
		index[n.Name] = len(l.nodes)
		l.nodes = append(l.nodes, &placed{Node: n, phantom: phantom})
		return len(l.nodes) - 1
	}
	for _, n := range g.Nodes {
		add(n, false)
	}
	for _, e := range g.Edges {
		from := add(Node{Name: NodeOf(e.Source)}, true)
		to := add(Node{Name: NodeOf(e.Target)}, true)
		l.links = append(l.links, link{Edge: e, from: from, to: to})
	}
	l.layers(l.forward())
	l.order()
	l.place()
	return l
}

// forward returns, for each node, the nodes it feeds along edges that do
// not close a cycle (found by a depth-first walk in file order, without
// recursion).
func (l *layout) forward() [][]int {
	out := make([][]int, len(l.nodes))
	succ := make([][]int, len(l.nodes))
	for _, k := range l.links {
		if k.from != k.to {
			succ[k.from] = append(succ[k.from], k.to)
		}
	}
	const (
		unseen = iota
		open
		done
	)
	state := make([]int, len(l.nodes))
	type frame struct{ n, next int }
	for root := range l.nodes {
		if state[root] != unseen {
			continue
		}
		stack := []frame{{root, 0}}
		state[root] = open
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.next == len(succ[f.n]) {
				state[f.n] = done
				stack = stack[:len(stack)-1]
				continue
			}
			m := succ[f.n][f.next]
			f.next++
			switch state[m] {
			case unseen:
				out[f.n] = append(out[f.n], m)
				state[m] = open
				stack = append(stack, frame{m, 0})
			case done:
				out[f.n] = append(out[f.n], m)
			} // open: the edge closes a cycle
		}
	}
	return out
}

// layers gives each node the length of the longest path to it.
func (l *layout) layers(fwd [][]int) {
	indeg := make([]int, len(l.nodes))
	for _, s := range fwd {
		for _, m := range s {
			indeg[m]++
		}
	}
	var queue []int
	for i, d := range indeg {
		if d == 0 {
			queue = append(queue, i)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, m := range fwd[n] {
			if l.nodes[n].layer+1 > l.nodes[m].layer {
				l.nodes[m].layer = l.nodes[n].layer + 1
			}
			if indeg[m]--; indeg[m] == 0 {
				queue = append(queue, m)
			}
		}
	}
}

// order orders each layer's nodes: file order first, then sweeps right
// and left sorting by the mean order of the neighbours in the layer before.
func (l *layout) order() {
	byLayer := l.byLayer()
	for _, ns := range byLayer {
		for i, n := range ns {
			l.nodes[n].order = i
		}
	}
	neighbours := make([][]int, len(l.nodes))
	for _, k := range l.links {
		neighbours[k.from] = append(neighbours[k.from], k.to)
		neighbours[k.to] = append(neighbours[k.to], k.from)
	}
	for sweep := 0; sweep < 4; sweep++ {
		for step := range byLayer {
			li := step
			if sweep%2 == 1 {
				li = len(byLayer) - 1 - step
			}
			ns := byLayer[li]
			want := sweep%2 == 0 // compare with the layer before, else after
			mean := make(map[int]float64, len(ns))
			for _, n := range ns {
				sum, count := 0.0, 0
				for _, m := range neighbours[n] {
					if d := l.nodes[m].layer - li; (want && d < 0) || (!want && d > 0) {
						sum += float64(l.nodes[m].order)
						count++
					}
				}
				mean[n] = float64(l.nodes[n].order)
				if count > 0 {
					mean[n] = sum / float64(count)
				}
			}
			sort.SliceStable(ns, func(i, j int) bool { return mean[ns[i]] < mean[ns[j]] })
			for i, n := range ns {
				l.nodes[n].order = i
			}
		}
	}
}

func (l *layout) byLayer() [][]int {
	var out [][]int
	for i, n := range l.nodes {
		for len(out) <= n.layer {
			out = append(out, nil)
		}
		out[n.layer] = append(out[n.layer], i)
	}
	return out
}

// place gives each node its coordinates, each layer centred vertically.
func (l *layout) place() {
	byLayer := l.byLayer()
	tallest := 0
	for _, ns := range byLayer {
		if len(ns) > tallest {
			tallest = len(ns)
		}
	}
	full := float64(tallest*boxH + (tallest-1)*gapY)
	for li, ns := range byLayer {
		h := float64(len(ns)*boxH + (len(ns)-1)*gapY)
		for _, n := range ns {
			p := l.nodes[n]
			p.x = margin + float64(li*(boxW+gapX))
			p.y = margin + boxH + (full-h)/2 + float64(p.order*(boxH+gapY))
		}
	}
	l.width = 2*margin + float64(len(byLayer)*boxW+max(len(byLayer)-1, 0)*gapX)
	l.height = 2*margin + full + 2*boxH // room above and below for edges that skip layers or go back
	if len(l.nodes) == 0 {
		l.width, l.height = 2*margin+boxW, 2*margin+boxH
	}
}
