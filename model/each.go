package model

import "runtime"

// EachKept calls f with each item of kind that Kept returns, in file
// order, until f returns false. A hollow item (see Hollow) is loaded when
// it is visited and not kept loaded: only the items f is given, and the
// few being loaded ahead of it (on the other processors), are held, so
// that a huge file's items can be visited in bounded memory.
func (x *Model) EachKept(kind Kind, f func(*Symbol) bool) {
	t := x.tables[kind]
	if t == nil {
		return
	}
	var items []*Symbol
	hollow := false
	for _, s := range t.items {
		if s.Broken || s.Body == nil || s.Name != "" && t.byName[s.Name] != s {
			continue
		}
		items = append(items, s)
		hollow = hollow || s.load != nil
	}
	if !hollow || runtime.GOMAXPROCS(0) == 1 {
		for _, s := range items {
			if !f(loaded(s)) {
				return
			}
		}
		return
	}
	eachLoaded(items, f)
}

// loaded returns s, loaded again when it is hollow.
func loaded(s *Symbol) *Symbol {
	if s.load != nil {
		if l := s.load(); l != nil {
			return l
		}
	}
	return s
}

// eachLoaded calls f with each of items loaded, in order, loading a few
// items ahead of f on other goroutines.
func eachLoaded(items []*Symbol, f func(*Symbol) bool) {
	workers := runtime.GOMAXPROCS(0)
	out := make([]chan *Symbol, len(items))
	for i := range out {
		out[i] = make(chan *Symbol, 1)
	}
	// slots bounds the items loaded and not yet given to f.
	slots := make(chan struct{}, 2*workers)
	next := make(chan int)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(next)
		for i := range items {
			select {
			case slots <- struct{}{}:
			case <-done:
				return
			}
			select {
			case next <- i:
			case <-done:
				return
			}
		}
	}()
	for range workers {
		go func() {
			for i := range next {
				out[i] <- loaded(items[i])
			}
		}()
	}
	for i := range items {
		s := <-out[i]
		<-slots
		if !f(s) {
			return
		}
	}
}
