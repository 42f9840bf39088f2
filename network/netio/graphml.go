package netio

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/internal/codec"
)

// graphmlNS is the GraphML namespace. Elements in no namespace are accepted
// as GraphML too; elements in any other namespace are skipped.
const graphmlNS = "http://graphml.graphdrawing.org/xmlns"

// GraphML value types as written in a key's attr.type.
const (
	gmlBoolean = "boolean"
	gmlInt     = "int"
	gmlLong    = "long"
	gmlFloat   = "float"
	gmlDouble  = "double"
	gmlString  = "string"
)

// gmlFieldClass says what a data value mapped to a record field may be:
// fieldString, fieldNumber (weight), fieldBoolean (mutual), or fieldReserved
// for reserved names that no data may carry.
type gmlFieldClass int

const (
	fieldReserved gmlFieldClass = iota
	fieldString
	fieldNumber
	fieldBoolean
)

// gmlFields maps each data domain to the attribute names that are record
// fields or reserved there. Any other name is a free attribute.
var gmlFields = map[string]map[string]gmlFieldClass{
	"node": {"id": fieldReserved, "attributes": fieldReserved,
		"name": fieldString, "kind": fieldString, "sectors": fieldString, "aliases": fieldString},
	"edge": {"from": fieldReserved, "to": fieldReserved, "attributes": fieldReserved,
		"element": fieldString, "type": fieldString, "commodity": fieldString, "mode": fieldString,
		"channel": fieldString, "source": fieldString, "start": fieldString, "end": fieldString,
		"grade": fieldString, "weight": fieldNumber, "mutual": fieldBoolean},
	"graph": {"actors": fieldReserved, "links": fieldReserved, "attributes": fieldReserved,
		"name": fieldString, "description": fieldString},
}

// gmlRecordNoun names the network record of each data domain in messages.
var gmlRecordNoun = map[string]string{"node": "actor", "edge": "link", "graph": "network"}

// ReadGraphML reads a network from a GraphML document. file names the input
// in error messages.
//
// The document must have a <graphml> root holding <key> declarations and
// exactly one top-level <graph>. Elements are recognised in the GraphML
// namespace (http://graphml.graphdrawing.org/xmlns) or in no namespace;
// elements in other namespaces, <desc>, <port> and data attached to the
// <graphml> root or to ports are ignored. The document must be UTF-8 (an
// XML declaration naming another encoding is an error). Names are matched
// exactly: attr.name "Name" is an attribute, not the name field.
//
// Keys. Each <key> needs an id and an attr.name; its for attribute (node,
// edge, graph or all; default all) says which elements its data may be
// attached to, and attr.type (default string) gives the type of its values:
//
//	boolean                 -> bool    ("true" or "false" in any case, or "1"/"0")
//	int, long (or integer)  -> int64
//	float, double           -> float64 (finite values only)
//	string                  -> string  (the text exactly as written)
//
// Other types (e.g. "complex") are errors. Leading and trailing space is
// ignored in non-string values. A key's <default> applies to every element
// of its domain that has no data of that name, as GraphML specifies. Keys
// carrying a yfiles.type (yEd graphics) are accepted and their data ignored,
// and so are keys for the graphml, port, endpoint and hyperedge domains. A
// key for="all" applies wherever it is used, and its attr.type must suit the
// field it names there.
//
// Nodes. <node id> is the Actor ID, and nodes become actors in document
// order. Node data whose key's attr.name is an actor field sets the field:
// "name" (string), "kind" (string, parsed with network.ParseKind),
// "sectors" and "aliases" (string cells holding a ";"-separated list or a
// JSON array of strings, the same cells CSV uses). A field key of another
// attr.type is an error naming the key, as is a node key named "id" or
// "attributes". Every other data value becomes an entry of
// Actor.Attributes, named by attr.name, with the Go type given above,
// except for a string key with id and attr.name "label" (Gephi's node
// label, and WriteGraphML's copy of the name): its value is the name
// of a node that has no "name" value, is dropped where it equals the
// name, and is the attribute "label" where it differs.
//
// Edges. <edge source target> is a link From -> To; links are added in
// document order and parallel edges are all kept. Nodes may come after the
// edges that use them, but an edge to a node that does not exist is an error
// (dangling), as is a duplicate node id. Edge data named like a link field
// sets it: "element", "type", "commodity", "mode", "channel", "source",
// "start", "end", "grade" (strings; element, dates and grade are parsed),
// "weight" (any numeric type, or a string holding a number; a missing
// weight is 1; negative or non-finite weights are errors) and "mutual"
// (boolean). Keys named "from", "to" or "attributes" are errors; every other
// value becomes an entry of Link.Attributes. An edge is Mutual if it is
// undirected, that is if the graph has edgedefault="undirected" and the
// edge does not say directed="true", or the edge says directed="false"; a
// mutual data value of true also makes it Mutual (and false does not undo an
// undirected edge). The edge's directed attribute may be true, false, 1 or
// 0. A graph without edgedefault is directed, the GraphML default (NetworkX
// reads such a graph as undirected). Edge ids are not kept: links are
// numbered in document order, and ports are ignored.
//
// Graph. Data on the <graph> named "name" and "description" (strings) set
// the network's Name and Description; keys named "actors", "links" or
// "attributes" are errors; every other value becomes a network attribute.
//
// Not supported, and reported as errors: nested graphs (a <graph> inside a
// node or edge, as in yEd group nodes), hyperedges, <locator>, more than one
// top-level <graph>, and data elements that contain XML elements (other
// than for yfiles keys). Data referring to an undeclared key, or to a key
// declared for another domain, or two values of the same name on one
// element, are errors too.
//
// Limits. The document is decoded as it is read, within lim.Bytes() bytes
// (default 512 MiB; see network.Limits), and may hold at most lim.Records()
// records (default 5,000,000): the <key>, <node>, <edge> and <data>
// elements (of any domain, including the data of yfiles keys, which are
// ignored). Elements may nest at most 10,000 deep and a tag may have at
// most 10,000 attributes (fixed limits: encoding/xml holds every open
// element and every attribute of a tag at once, at some 100 bytes each).
// Passing a limit is a *network.ParseError at the element at fault, or at
// the point reached for the byte limit, wrapping network.ErrTooLarge and
// saying which limit and how to raise it (Limits.MaxBytes,
// Limits.MaxRecords); so an endless stream of <node> elements fails when
// either limit is reached. GraphML declares no sizes
// (a key's attr.type aside), so there is nothing to check against the
// input before reading it.
//
// Every error is a *network.ParseError with the file, the line and column
// of the XML element at fault and, where known, the record: `key "d3"`,
// `graph`, `node "farc"`, or `edge 3` (the third <edge> element of the
// file, counting from 1).
func ReadGraphML(r io.Reader, file string, lim network.Limits) (*network.Network, error) {
	guard := &gmlAttrGuard{r: lim.Reader(r, file), lim: lim, file: file}
	p := &gmlParser{d: xml.NewDecoder(guard), file: file, lim: lim, keyByID: map[string]*gmlKey{}}
	if err := p.parseDocument(); err != nil {
		return nil, err
	}
	return p.build()
}

// gmlPos is the position of the start of an XML element.
type gmlPos struct{ line, col int }

type gmlKey struct {
	pos    gmlPos
	id     string
	domain string // node, edge, graph, all, or another GraphML domain
	name   string
	typ    string // normalised: boolean, int, long, float, double, string
	yfiles bool
	def    *gmlText
	defVal any // parsed default, if def != nil
}

// gmlText is the character content of a <data> or <default> element.
type gmlText struct {
	pos      gmlPos
	key      string // data only
	text     string
	hasElems bool // it contained child elements
}

type gmlNode struct {
	pos  gmlPos
	id   string
	data []gmlText
}

// record names the node in errors.
func (n *gmlNode) record() string { return fmt.Sprintf("node %q", n.id) }

type gmlEdge struct {
	pos            gmlPos
	num            int // 1-based number of the <edge> element
	source, target string
	directed       string // "" if absent, else "true" or "false"
	data           []gmlText
}

// record names the edge in errors.
func (e *gmlEdge) record() string { return fmt.Sprintf("edge %d", e.num) }

type gmlGraph struct {
	pos      gmlPos
	directed bool
	data     []gmlText
	nodes    []gmlNode
	edges    []gmlEdge
}

// gmlMaxDepth is how deep elements may nest (encoding/xml keeps a stack
// entry for each open element).
const gmlMaxDepth = 10_000

// gmlMaxAttrs is how many attributes one tag may have.
const gmlMaxAttrs = 10_000

// gmlAttrGuard passes a document through, failing on a tag with more than
// gmlMaxAttrs attributes before encoding/xml, which collects every
// attribute of a tag before returning it, holds them all (some 100 bytes
// each): a megabyte of ` a=""` would otherwise cost twenty megabytes. It
// counts the "=" outside quoted values in each "<name …>" span and skips
// "<!…>" and "<?…>" spans, which is enough for a bound (a CDATA section or
// comment holding "<x" and then ten thousand "=" before any ">" is not
// GraphML anyone writes).
type gmlAttrGuard struct {
	r     io.Reader
	lim   network.Limits
	file  string
	state int  // gmlInText, gmlOpen, …
	quote byte // the quote of a quoted value
	attrs int  // "=" seen in the current tag
}

// gmlAttrGuard states.
const (
	gmlInText    = iota // character data
	gmlOpen             // just after "<"
	gmlInTag            // in a start or end tag
	gmlInQuote          // in a quoted attribute value
	gmlInSpecial        // in "<!…" or "<?…", up to ">"
)

// Read implements io.Reader.
func (g *gmlAttrGuard) Read(b []byte) (int, error) {
	n, err := g.r.Read(b)
	for i := 0; i < n; i++ {
		c := b[i]
		switch g.state {
		case gmlInText:
			if c == '<' {
				g.state = gmlOpen
			}
		case gmlOpen:
			switch c {
			case '!', '?':
				g.state = gmlInSpecial
			case '>':
				g.state = gmlInText
			default:
				g.state, g.attrs = gmlInTag, 0
			}
		case gmlInTag:
			switch c {
			case '>':
				g.state = gmlInText
			case '"', '\'':
				g.state, g.quote = gmlInQuote, c
			case '=':
				if g.attrs++; g.attrs > gmlMaxAttrs {
					return i, g.lim.LimitError(g.file, 0, fmt.Sprintf("more than %d attributes in one tag (a fixed limit)", gmlMaxAttrs))
				}
			}
		case gmlInQuote:
			if c == g.quote {
				g.state = gmlInTag
			}
		case gmlInSpecial:
			if c == '>' {
				g.state = gmlInText
			}
		}
	}
	return n, err
}

type gmlParser struct {
	d       *xml.Decoder
	file    string
	lim     network.Limits
	records int    // keys, nodes, edges and data elements so far
	depth   int    // open elements
	pos     gmlPos // start of the last token read
	keys    []*gmlKey
	keyByID map[string]*gmlKey
	graph   *gmlGraph
}

// fail returns a ParseError at pos.
func (p *gmlParser) fail(pos gmlPos, record string, format string, args ...any) error {
	return &network.ParseError{File: p.file, Line: pos.line, Column: pos.col, Record: record,
		Err: fmt.Errorf(format, args...)}
}

// token reads the next XML token, recording where it starts, and turns
// decoder errors into ParseErrors.
func (p *gmlParser) token() (xml.Token, error) {
	p.pos.line, p.pos.col = p.d.InputPos()
	tok, err := p.d.Token()
	if err != nil {
		return nil, p.xmlError(err)
	}
	switch tok.(type) {
	case xml.StartElement:
		if p.depth++; p.depth > gmlMaxDepth {
			return nil, p.limitError(p.pos, "", fmt.Sprintf("elements nested more than %d deep (a fixed limit)", gmlMaxDepth))
		}
	case xml.EndElement:
		p.depth--
	}
	return tok, nil
}

// limitError is lim.LimitError at pos.
func (p *gmlParser) limitError(pos gmlPos, record, what string) error {
	return txtLimitError(p.lim, p.file, pos.line, pos.col, record, what)
}

// count counts the element just started at pos as a record.
func (p *gmlParser) count(pos gmlPos, record string) error {
	if p.records++; p.records <= p.lim.Records() {
		return nil
	}
	return p.limitError(pos, record, fmt.Sprintf(
		"more than %d records (key, node, edge and data elements); raise the record limit (Limits.MaxRecords) if the input is meant to be this large",
		p.lim.Records()))
}

func (p *gmlParser) xmlError(err error) error {
	if err == io.EOF {
		return err
	}
	line, col := p.d.InputPos()
	var pe *network.ParseError
	if errors.As(err, &pe) { // from lim.Reader: the byte limit
		return &network.ParseError{File: p.file, Line: line, Column: col, Err: pe.Err}
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		err = fmt.Errorf("malformed XML: %s", se.Msg)
	} else {
		err = fmt.Errorf("reading XML: %w", err)
	}
	return &network.ParseError{File: p.file, Line: line, Column: col, Err: err}
}

// skip skips the rest of the element whose start tag was just read.
func (p *gmlParser) skip() error {
	for depth := 0; ; {
		tok, err := p.token()
		if err != nil {
			return p.eofError(err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// eofError turns a bare io.EOF inside an element into a ParseError (the
// decoder normally reports that itself).
func (p *gmlParser) eofError(err error) error {
	if err == io.EOF {
		line, col := p.d.InputPos()
		return &network.ParseError{File: p.file, Line: line, Column: col,
			Err: errors.New("malformed XML: unexpected EOF")}
	}
	return err
}

// isGML reports whether the element is a GraphML element.
func isGML(n xml.Name) bool { return n.Space == "" || n.Space == graphmlNS }

// attr returns the value of the un-namespaced attribute name.
func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func (p *gmlParser) parseDocument() error {
	seenAny, done := false, false
	for {
		tok, err := p.token()
		if err == io.EOF {
			switch {
			case done:
				return nil
			case !seenAny:
				return p.fail(gmlPos{1, 1}, "", "empty input: no GraphML document")
			}
			line, col := p.d.InputPos()
			return p.fail(gmlPos{line, col}, "", "no root element: not a GraphML document")
		}
		if err != nil {
			return err
		}
		seenAny = true
		switch t := tok.(type) {
		case xml.StartElement:
			if done {
				return p.fail(p.pos, "", "unexpected element <%s> after </graphml>", t.Name.Local)
			}
			if t.Name.Local != "graphml" {
				return p.fail(p.pos, "", "root element is <%s>, not <graphml>: not a GraphML document", t.Name.Local)
			}
			if !isGML(t.Name) {
				return p.fail(p.pos, "", "root element <graphml> is in namespace %q, not %q: not a GraphML document", t.Name.Space, graphmlNS)
			}
			if err := p.parseRoot(); err != nil {
				return err
			}
			done = true
		case xml.CharData:
			if strings.Trim(string(t), " \t\r\n\ufeff") != "" {
				return p.fail(p.pos, "", "text outside the root element: not a GraphML document")
			}
		}
	}
}

func (p *gmlParser) parseRoot() error {
	for {
		tok, err := p.token()
		if err != nil {
			return p.eofError(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if p.graph == nil {
				return p.fail(p.pos, "", "no <graph> element")
			}
			return nil
		case xml.StartElement:
			pos := p.pos
			if !isGML(t.Name) {
				if err := p.skip(); err != nil {
					return err
				}
				continue
			}
			switch t.Name.Local {
			case "key":
				err = p.parseKey(t, pos)
			case "graph":
				if p.graph != nil {
					return p.fail(pos, "graph", "more than one top-level <graph> is not supported")
				}
				err = p.parseGraph(t, pos)
			default: // desc, data for the graphml domain, extensions
				err = p.skip()
			}
			if err != nil {
				return err
			}
		}
	}
}

func (p *gmlParser) parseKey(se xml.StartElement, pos gmlPos) error {
	k := &gmlKey{pos: pos, domain: "all", typ: gmlString}
	id, ok := attr(se, "id")
	if !ok {
		return p.fail(pos, "", "<key> without id")
	}
	k.id = id
	record := fmt.Sprintf("key %q", id)
	if err := p.count(pos, record); err != nil {
		return err
	}
	if _, dup := p.keyByID[id]; dup {
		return p.fail(pos, record, "duplicate key id %q", id)
	}
	if v, ok := attr(se, "for"); ok {
		switch v {
		case "node", "edge", "graph", "all", "graphml", "hyperedge", "port", "endpoint":
			k.domain = v
		default:
			return p.fail(pos, record, "unknown key domain for=%q", v)
		}
	}
	_, k.yfiles = attr(se, "yfiles.type")
	name, hasName := attr(se, "attr.name")
	if !hasName && !k.yfiles {
		return p.fail(pos, record, "key has no attr.name")
	}
	if hasName && name == "" && !k.yfiles {
		return p.fail(pos, record, "key has an empty attr.name")
	}
	k.name = name
	if v, ok := attr(se, "attr.type"); ok && !k.yfiles {
		switch v {
		case gmlBoolean, gmlInt, gmlLong, gmlFloat, gmlDouble, gmlString:
			k.typ = v
		case "integer": // written by some versions of Gephi
			k.typ = gmlInt
		default:
			return p.fail(pos, record, "unknown attr.type %q (want boolean, int, long, float, double or string)", v)
		}
	}
	for {
		tok, err := p.token()
		if err != nil {
			return p.eofError(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			p.keys = append(p.keys, k)
			p.keyByID[id] = k
			return nil
		case xml.StartElement:
			cpos := p.pos
			if isGML(t.Name) && t.Name.Local == "default" {
				txt, err := p.readText(cpos)
				if err != nil {
					return err
				}
				if k.def != nil {
					return p.fail(cpos, record, "key has more than one <default>")
				}
				k.def = &txt
				continue
			}
			if err := p.skip(); err != nil {
				return err
			}
		}
	}
}

// readText reads the character content of the element whose start tag was
// just read, noting whether it has child elements (which are skipped).
func (p *gmlParser) readText(pos gmlPos) (gmlText, error) {
	t := gmlText{pos: pos}
	var b strings.Builder
	for {
		tok, err := p.token()
		if err != nil {
			return t, p.eofError(err)
		}
		switch x := tok.(type) {
		case xml.CharData:
			b.Write(x)
		case xml.StartElement:
			t.hasElems = true
			if err := p.skip(); err != nil {
				return t, err
			}
		case xml.EndElement:
			t.text = b.String()
			return t, nil
		}
	}
}

func (p *gmlParser) parseData(se xml.StartElement, pos gmlPos, record string) (gmlText, error) {
	key, ok := attr(se, "key")
	if !ok {
		return gmlText{}, p.fail(pos, record, "<data> without key attribute")
	}
	if err := p.count(pos, record); err != nil {
		return gmlText{}, err
	}
	t, err := p.readText(pos)
	t.key = key
	return t, err
}

func (p *gmlParser) parseGraph(se xml.StartElement, pos gmlPos) error {
	g := &gmlGraph{pos: pos, directed: true}
	if v, ok := attr(se, "edgedefault"); ok {
		switch v {
		case "directed":
		case "undirected":
			g.directed = false
		default:
			return p.fail(pos, "graph", "bad edgedefault %q (want directed or undirected)", v)
		}
	}
	p.graph = g
	for {
		tok, err := p.token()
		if err != nil {
			return p.eofError(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			cpos := p.pos
			if !isGML(t.Name) {
				err = p.skip()
			} else {
				switch t.Name.Local {
				case "node":
					err = p.parseNode(t, cpos)
				case "edge":
					err = p.parseEdge(t, cpos, len(g.edges)+1)
				case "data":
					var d gmlText
					d, err = p.parseData(t, cpos, "graph")
					g.data = append(g.data, d)
				case "graph":
					return p.fail(cpos, "graph", "nested graphs are not supported")
				case "hyperedge":
					return p.fail(cpos, "graph", "hyperedges are not supported")
				case "locator":
					return p.fail(cpos, "graph", "<locator> (graph content in another document) is not supported")
				default:
					err = p.skip()
				}
			}
			if err != nil {
				return err
			}
		}
	}
}

func (p *gmlParser) parseNode(se xml.StartElement, pos gmlPos) error {
	id, ok := attr(se, "id")
	if !ok {
		return p.fail(pos, fmt.Sprintf("node %d", len(p.graph.nodes)+1), "<node> without id")
	}
	n := gmlNode{pos: pos, id: id}
	record := n.record()
	if err := p.count(pos, record); err != nil {
		return err
	}
	if err := p.parseChildren(&n.data, record); err != nil {
		return err
	}
	p.graph.nodes = append(p.graph.nodes, n)
	return nil
}

func (p *gmlParser) parseEdge(se xml.StartElement, pos gmlPos, num int) error {
	e := gmlEdge{pos: pos, num: num}
	record := e.record()
	var ok bool
	if e.source, ok = attr(se, "source"); !ok {
		return p.fail(pos, record, "<edge> without source")
	}
	if e.target, ok = attr(se, "target"); !ok {
		return p.fail(pos, record, "<edge> without target")
	}
	if err := p.count(pos, record); err != nil {
		return err
	}
	if v, ok := attr(se, "directed"); ok {
		switch strings.TrimSpace(v) {
		case "true", "1":
			e.directed = "true"
		case "false", "0":
			e.directed = "false"
		default:
			return p.fail(pos, record, "bad directed=%q (want true or false)", v)
		}
	}
	if err := p.parseChildren(&e.data, record); err != nil {
		return err
	}
	p.graph.edges = append(p.graph.edges, e)
	return nil
}

// parseChildren reads the content of a node or edge: its data, skipping
// ports, descriptions and foreign elements, and rejecting nested graphs.
func (p *gmlParser) parseChildren(data *[]gmlText, record string) error {
	for {
		tok, err := p.token()
		if err != nil {
			return p.eofError(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			cpos := p.pos
			switch {
			case isGML(t.Name) && t.Name.Local == "data":
				d, err := p.parseData(t, cpos, record)
				if err != nil {
					return err
				}
				*data = append(*data, d)
			case isGML(t.Name) && t.Name.Local == "graph":
				return p.fail(cpos, record, "nested graphs are not supported")
			default: // port, desc, locator, extensions
				if err := p.skip(); err != nil {
					return err
				}
			}
		}
	}
}

// gmlValue is one named value of an element, from its data or a default.
type gmlValue struct {
	key  *gmlKey
	name string
	v    any // string, bool, int64 or float64
	pos  gmlPos
}

// parseGMLValue parses text as a value of GraphML type typ.
func parseGMLValue(typ, text string) (any, error) {
	s := strings.TrimSpace(text)
	switch typ {
	case gmlBoolean:
		switch strings.ToLower(s) {
		case "true", "1":
			return true, nil
		case "false", "0":
			return false, nil
		}
		return nil, fmt.Errorf("bad boolean value %q (want true or false)", text)
	case gmlInt, gmlLong:
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			if errors.Is(err, strconv.ErrRange) {
				return nil, fmt.Errorf("bad %s value %q: out of the int64 range", typ, text)
			}
			return nil, fmt.Errorf("bad %s value %q", typ, text)
		}
		return i, nil
	case gmlFloat, gmlDouble:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("bad %s value %q: want a finite number", typ, text)
		}
		return f, nil
	}
	return text, nil
}

// keyLabel names a key in messages: its id and attribute name.
func keyLabel(k *gmlKey) string {
	return fmt.Sprintf("key %q (%s)", k.id, k.name)
}

// checkField checks that key k may be used on elements of domain. The
// error does not name the key; callers do.
func checkField(k *gmlKey, domain string) error {
	class, ok := gmlFields[domain][k.name]
	if !ok {
		return nil
	}
	noun := gmlRecordNoun[domain]
	switch class {
	case fieldReserved:
		return fmt.Errorf("%q is reserved for %ss and cannot be a %s attribute", k.name, noun, domain)
	case fieldString:
		if k.typ != gmlString {
			return fmt.Errorf("%s field %q needs attr.type=\"string\", not %q", noun, k.name, k.typ)
		}
	case fieldBoolean:
		if k.typ != gmlBoolean {
			return fmt.Errorf("%s field %q needs attr.type=\"boolean\", not %q", noun, k.name, k.typ)
		}
	case fieldNumber:
		if k.typ == gmlBoolean {
			return fmt.Errorf("%s field %q needs a numeric attr.type, not %q", noun, k.name, k.typ)
		}
	}
	return nil
}

// checkKeys validates the keys and parses their defaults.
func (p *gmlParser) checkKeys() error {
	for _, k := range p.keys {
		record := fmt.Sprintf("key %q", k.id)
		if k.yfiles {
			continue
		}
		if _, ok := gmlFields[k.domain]; ok {
			if err := checkField(k, k.domain); err != nil {
				return p.fail(k.pos, record, "attr.name %q: %v", k.name, err)
			}
		}
		if k.def != nil {
			if k.def.hasElems {
				return p.fail(k.def.pos, record, "<default> contains XML elements")
			}
			v, err := parseGMLValue(k.typ, k.def.text)
			if err != nil {
				return p.fail(k.def.pos, record, "<default> for %q: %v", k.name, err)
			}
			k.defVal = v
		}
	}
	return nil
}

// values resolves the data of one element of domain (node, edge, graph),
// adding the defaults of keys it has no data for. The values come in data
// order, then defaults in key order.
func (p *gmlParser) values(domain string, data []gmlText, record string) ([]gmlValue, error) {
	var out []gmlValue
	seen := map[string]bool{}
	for _, d := range data {
		k := p.keyByID[d.key]
		if k == nil {
			return nil, p.fail(d.pos, record, "data references undeclared key %q", d.key)
		}
		if k.domain != domain && k.domain != "all" {
			return nil, p.fail(d.pos, record, "%s is declared for=%q and cannot be used on a %s", keyLabel(k), k.domain, domain)
		}
		if k.yfiles {
			continue
		}
		if err := checkField(k, domain); err != nil {
			return nil, p.fail(d.pos, record, "%s: %v", keyLabel(k), err)
		}
		if d.hasElems {
			return nil, p.fail(d.pos, record, "data for %s contains XML elements", keyLabel(k))
		}
		if seen[k.name] {
			return nil, p.fail(d.pos, record, "%q given twice (again by key %q)", k.name, k.id)
		}
		seen[k.name] = true
		v, err := parseGMLValue(k.typ, d.text)
		if err != nil {
			return nil, p.fail(d.pos, record, "%s: %v", keyLabel(k), err)
		}
		out = append(out, gmlValue{key: k, name: k.name, v: v, pos: d.pos})
	}
	for _, k := range p.keys {
		if k.def == nil || k.yfiles || seen[k.name] || (k.domain != domain && k.domain != "all") {
			continue
		}
		if err := checkField(k, domain); err != nil {
			return nil, p.fail(k.pos, record, "default of %s: %v", keyLabel(k), err)
		}
		seen[k.name] = true
		out = append(out, gmlValue{key: k, name: k.name, v: k.defVal, pos: k.def.pos})
	}
	return out, nil
}

// build turns the parsed document into a network.
func (p *gmlParser) build() (*network.Network, error) {
	if err := p.checkKeys(); err != nil {
		return nil, err
	}
	g := p.graph
	n := network.New("")

	vals, err := p.values("graph", g.data, "graph")
	if err != nil {
		return nil, err
	}
	var name, desc string
	var attrs network.Attributes
	for _, v := range vals {
		switch v.name {
		case "name":
			name = v.v.(string)
		case "description":
			desc = v.v.(string)
		default:
			if attrs == nil {
				attrs = network.Attributes{}
			}
			attrs[v.name] = v.v
		}
	}
	if err := n.SetInfo(name, desc, attrs); err != nil {
		return nil, p.fail(g.pos, "graph", "%v", err)
	}

	for i := range g.nodes {
		nd := &g.nodes[i]
		record := nd.record()
		if n.HasActor(nd.id) {
			return nil, p.fail(nd.pos, record, "duplicate node id %q", nd.id)
		}
		vals, err := p.values("node", nd.data, record)
		if err != nil {
			return nil, err
		}
		a := network.Actor{ID: nd.id}
		var label *gmlValue
		for _, v := range vals {
			if _, ok := v.v.(string); ok && v.name == gmlLabel && v.key.id == gmlLabel {
				label = &v
				continue
			}
			if err := setActorValue(&a, v); err != nil {
				return nil, p.fail(v.pos, record, "%v", err)
			}
		}
		if label != nil {
			setActorLabel(&a, label.v.(string))
		}
		if err := n.AddActor(a); err != nil {
			return nil, p.fail(nd.pos, record, "%v", err)
		}
	}

	for i := range g.edges {
		e := &g.edges[i]
		record := e.record()
		for _, id := range []string{e.source, e.target} {
			if !n.HasActor(id) {
				return nil, p.fail(e.pos, record, "dangling edge %q -> %q: no node with id %q", e.source, e.target, id)
			}
		}
		vals, err := p.values("edge", e.data, record)
		if err != nil {
			return nil, err
		}
		l := network.Link{From: e.source, To: e.target, Weight: 1}
		l.Mutual = e.directed == "false" || (!g.directed && e.directed == "")
		for _, v := range vals {
			if err := setLinkValue(&l, v); err != nil {
				return nil, p.fail(v.pos, record, "%v", err)
			}
		}
		if _, err := n.AddLink(l); err != nil {
			return nil, p.fail(e.pos, record, "%v", err)
		}
	}
	return n, nil
}

// gmlLabel is the id and attr.name of the node key that holds the label
// Gephi and yEd show, as Gephi writes it and as WriteGraphML writes a copy
// of the name under it.
const gmlLabel = "label"

// setActorLabel applies the value of a label key (id and attr.name
// "label"): it is the name of an actor that has none, is dropped if it
// repeats the name, and is the attribute "label" otherwise.
func setActorLabel(a *network.Actor, label string) {
	switch {
	case a.Name == "":
		a.Name = label
	case a.Name != label:
		if a.Attributes == nil {
			a.Attributes = network.Attributes{}
		}
		a.Attributes[gmlLabel] = label
	}
}

func setActorValue(a *network.Actor, v gmlValue) error {
	var err error
	switch v.name {
	case "name":
		a.Name = v.v.(string)
	case "kind":
		a.Kind, err = network.ParseKind(v.v.(string))
	case "aliases":
		a.Aliases, err = splitList(v.v.(string))
		if err == nil && len(a.Aliases) == 0 {
			a.Aliases = nil
		}
	case "sectors":
		var items []string
		if items, err = splitList(v.v.(string)); err != nil {
			break
		}
		a.Sectors = nil
		for _, it := range items {
			s, err := network.ParseSector(it)
			if err != nil {
				return fmt.Errorf("sectors: %v", err)
			}
			a.Sectors = append(a.Sectors, s)
		}
	default:
		if a.Attributes == nil {
			a.Attributes = network.Attributes{}
		}
		a.Attributes[v.name] = v.v
	}
	if err != nil {
		return fmt.Errorf("%s: %v", v.name, err)
	}
	return nil
}

func setLinkValue(l *network.Link, v gmlValue) error {
	var err error
	str := func() string { return v.v.(string) }
	switch v.name {
	case "element":
		l.Element, err = network.ParseElement(str())
	case "type":
		l.Type = str()
	case "commodity":
		l.Commodity = str()
	case "mode":
		l.Mode = str()
	case "channel":
		l.Channel = str()
	case "source":
		l.Source = str()
	case "start":
		l.Start, err = network.ParseDate(str())
	case "end":
		l.End, err = network.ParseDate(str())
	case "grade":
		l.Grade, err = network.ParseGrade(str())
	case "mutual":
		if v.v.(bool) {
			l.Mutual = true
		}
	case "weight":
		var w float64
		switch x := v.v.(type) {
		case int64:
			w = float64(x)
		case float64:
			w = x
		case string:
			f, perr := strconv.ParseFloat(strings.TrimSpace(x), 64)
			if perr != nil && !errors.Is(perr, strconv.ErrRange) {
				return fmt.Errorf("bad weight %q: not a number", x)
			}
			w = f
		}
		switch {
		case math.IsNaN(w) || math.IsInf(w, 0):
			return fmt.Errorf("bad weight %v: not a finite number", v.v)
		case w < 0:
			return fmt.Errorf("bad weight %v: negative", v.v)
		}
		l.Weight = w
	default:
		if l.Attributes == nil {
			l.Attributes = network.Attributes{}
		}
		l.Attributes[v.name] = v.v
	}
	if err != nil {
		return fmt.Errorf("%s: %v", v.name, err)
	}
	return nil
}

// WriteGraphML writes the network as a GraphML document that ReadGraphML
// reads back into an equal network (same actors and links in the same
// order, every field and attribute with its Go type) and that NetworkX's
// read_graphml loads. It uses only core GraphML elements and typed attribute
// keys, so other GraphML readers should load it too.
//
// The <graph> has edgedefault="undirected" if the network has links and
// every link is Mutual (NetworkX then reads a Graph or MultiGraph), and
// edgedefault="directed" otherwise. In a directed graph, when any link is
// Mutual, every edge carries a boolean "mutual" data value saying whether it
// is. Mutual edges of a directed graph are not marked directed="false",
// since NetworkX rejects such mixed graphs.
//
// Each actor is a <node id>, each link an <edge source target> (without an
// edge id), in network order. Fields and attributes are <data> elements
// using the names and types that ReadGraphML documents. Keys are declared
// with ids d0, d1, … in a fixed order: graph keys, then node keys, then
// edge keys; in each domain the record fields come first in struct order
// (graph: name, description; node: name, aliases, kind, sectors; edge:
// element, type, mutual, weight, commodity, mode, channel, start, end,
// source, grade), then attributes by name. A field key is declared only if
// some record has a non-zero value for it, and a field is written only on
// records where it is non-zero, except mutual (see above) and weight,
// written on every edge as attr.type="double" with the shortest
// representation that reads back exactly. Aliases and sectors are list cells as in CSV (";"-separated, or
// a JSON array when an item needs it). There is one attribute key per
// (domain, name, type), so an attribute whose values have different types
// on different records keeps each type. Attribute values are written as
// boolean, long (int64), double (float64, always with a fraction or
// exponent, so a float 3 reads back as float64 3) or string.
//
// XML 1.0 cannot represent some control characters (such as U+0000 or
// U+001B) nor U+FFFE and U+FFFF; a network holding one in a written string
// (an ID, a name, an attribute name or value, a link field) is an error.
// Nothing is written if there is an error. The names are also written
// under the key "label", which Gephi and yEd show (unless an actor has an
// attribute of that name); the reader takes it back as the name.
func WriteGraphML(w io.Writer, n *network.Network) error {
	return writeGraphML(w, n, true)
}

// writeGraphML is WriteGraphML, which with label also writes each name
// under a node key with id and attr.name "label" (see WriteGraphML).
func writeGraphML(w io.Writer, n *network.Network, label bool) error {
	info := network.New("")
	if err := info.SetInfo(n.Name, n.Description, n.Attributes); err != nil {
		return err
	}
	actors, links := n.Actors(), n.Links()
	directed := true
	if len(links) > 0 {
		directed = false
		for _, l := range links {
			if !l.Mutual {
				directed = true
				break
			}
		}
	}

	gw := &gmlWriter{}
	// Graph keys.
	graphName := gw.field("graph", "name", gmlString, n.Name != "")
	graphDesc := gw.field("graph", "description", gmlString, n.Description != "")
	graphAttrs := gw.attrKeys("graph", []network.Attributes{info.Attributes})
	// Node keys.
	var hasName, hasAliases, hasKind, hasSectors, hasLabelAttr bool
	nodeAttrs := make([]network.Attributes, len(actors))
	for i, a := range actors {
		hasName = hasName || a.Name != ""
		_, la := a.Attributes[gmlLabel]
		hasLabelAttr = hasLabelAttr || la
		hasAliases = hasAliases || len(a.Aliases) > 0
		hasKind = hasKind || a.Kind != network.KindUnknown
		hasSectors = hasSectors || len(a.Sectors) > 0
		nodeAttrs[i] = a.Attributes
	}
	nodeName := gw.field("node", "name", gmlString, hasName)
	nodeLabel := ""
	if label && hasName && !hasLabelAttr {
		nodeLabel = gmlLabel
		gw.keys = append(gw.keys, gmlWKey{id: gmlLabel, domain: "node", name: gmlLabel, typ: gmlString})
	}
	nodeAliases := gw.field("node", "aliases", gmlString, hasAliases)
	nodeKind := gw.field("node", "kind", gmlString, hasKind)
	nodeSectors := gw.field("node", "sectors", gmlString, hasSectors)
	nodeAttrKeys := gw.attrKeys("node", nodeAttrs)
	// Edge keys.
	var has [11]bool // element, type, mutual, weight, commodity, mode, channel, start, end, source, grade
	edgeAttrs := make([]network.Attributes, len(links))
	for i, l := range links {
		for j, nz := range []bool{l.Element != network.Association, l.Type != "", l.Mutual && directed,
			true, l.Commodity != "", l.Mode != "", l.Channel != "", !l.Start.IsZero(), !l.End.IsZero(),
			l.Source != "", !l.Grade.IsZero()} {
			has[j] = has[j] || nz
		}
		edgeAttrs[i] = l.Attributes
	}
	var edgeKeys [11]string
	for j, name := range []string{"element", "type", "mutual", "weight", "commodity", "mode",
		"channel", "start", "end", "source", "grade"} {
		typ := gmlString
		switch name {
		case "mutual":
			typ = gmlBoolean
		case "weight":
			typ = gmlDouble
		}
		edgeKeys[j] = gw.field("edge", name, typ, has[j])
	}
	edgeAttrKeys := gw.attrKeys("edge", edgeAttrs)
	if gw.err != nil {
		return gw.err
	}

	b := &gw.buf
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<graphml xmlns="` + graphmlNS + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="` + graphmlNS + ` http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range gw.keys {
		fmt.Fprintf(b, `  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.domain, xmlEscape(k.name), k.typ)
	}
	if directed {
		b.WriteString(`  <graph edgedefault="directed">` + "\n")
	} else {
		b.WriteString(`  <graph edgedefault="undirected">` + "\n")
	}
	const graphIndent, elemIndent = "    ", "      "
	if err := gw.data(graphIndent, graphName, n.Name, "network name"); err != nil {
		return err
	}
	if err := gw.data(graphIndent, graphDesc, n.Description, "network description"); err != nil {
		return err
	}
	if err := gw.attrs(graphIndent, graphAttrs, info.Attributes, "network"); err != nil {
		return err
	}

	for _, a := range actors {
		rec := fmt.Sprintf("actor %q", a.ID)
		if !xmlValid(a.ID) {
			return fmt.Errorf("%s: id %s", rec, xmlInvalidMsg)
		}
		fmt.Fprintf(b, `    <node id="%s"`, xmlEscape(a.ID))
		mark := b.Len()
		b.WriteString(">\n")
		start := b.Len()
		if err := gw.data(elemIndent, nodeName, a.Name, rec+": name"); err != nil {
			return err
		}
		_ = gw.data(elemIndent, nodeLabel, a.Name, rec+": name")
		if len(a.Aliases) > 0 {
			_ = gw.data(elemIndent, nodeAliases, xmlList(a.Aliases), rec+": aliases")
		}
		if a.Kind != network.KindUnknown {
			_ = gw.data(elemIndent, nodeKind, a.Kind.String(), rec+": kind")
		}
		if len(a.Sectors) > 0 {
			names := make([]string, len(a.Sectors))
			for i, s := range a.Sectors {
				names[i] = s.String()
			}
			_ = gw.data(elemIndent, nodeSectors, joinList(names), rec+": sectors")
		}
		if err := gw.attrs(elemIndent, nodeAttrKeys, a.Attributes, rec); err != nil {
			return err
		}
		gw.closeElem(mark, start, "    </node>\n")
	}

	for i, l := range links {
		rec := fmt.Sprintf("link %d %q -> %q", i, l.From, l.To)
		fmt.Fprintf(b, `    <edge source="%s" target="%s"`, xmlEscape(l.From), xmlEscape(l.To))
		mark := b.Len()
		b.WriteString(">\n")
		start := b.Len()
		vals := [11]string{}
		if l.Element != network.Association {
			vals[0] = l.Element.String()
		}
		vals[1] = l.Type
		if edgeKeys[2] != "" {
			vals[2] = strconv.FormatBool(l.Mutual)
		}
		vals[3] = strconv.FormatFloat(l.Weight, 'g', -1, 64)
		vals[4], vals[5], vals[6] = l.Commodity, l.Mode, l.Channel
		vals[7], vals[8] = l.Start.String(), l.End.String()
		vals[9], vals[10] = l.Source, l.Grade.String()
		fieldNames := [11]string{"element", "type", "mutual", "weight", "commodity", "mode",
			"channel", "start", "end", "source", "grade"}
		for j, v := range vals {
			if v == "" {
				continue
			}
			if err := gw.data(elemIndent, edgeKeys[j], v, rec+": "+fieldNames[j]); err != nil {
				return err
			}
		}
		if err := gw.attrs(elemIndent, edgeAttrKeys, l.Attributes, rec); err != nil {
			return err
		}
		gw.closeElem(mark, start, "    </edge>\n")
	}
	b.WriteString("  </graph>\n</graphml>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// gmlWKey is a key declared by the writer.
type gmlWKey struct {
	id, domain, name, typ string
}

// gmlWriter accumulates the key declarations and the document.
type gmlWriter struct {
	keys []gmlWKey
	next int // number of the next key id "d<next>"
	buf  bytes.Buffer
	err  error
}

// field declares a key for a record field if used, returning its id ("" if
// not declared).
func (gw *gmlWriter) field(domain, name, typ string, used bool) string {
	if !used {
		return ""
	}
	id := "d" + strconv.Itoa(gw.next)
	gw.next++
	gw.keys = append(gw.keys, gmlWKey{id: id, domain: domain, name: name, typ: typ})
	return id
}

// gmlTypeOrder orders the keys of one attribute name.
var gmlTypeOrder = []string{gmlBoolean, gmlLong, gmlDouble, gmlString}

// gmlTypeOf returns the GraphML type of a normalised attribute value.
func gmlTypeOf(v any) string {
	switch v.(type) {
	case bool:
		return gmlBoolean
	case int64:
		return gmlLong
	case float64:
		return gmlDouble
	}
	return gmlString
}

// attrKeys declares one key per (name, type) used by the attribute maps,
// by name then type, and returns the key id of each (name, type).
func (gw *gmlWriter) attrKeys(domain string, maps []network.Attributes) map[[2]string]string {
	used := map[[2]string]bool{}
	names := map[string]bool{}
	for _, m := range maps {
		for k, v := range m {
			used[[2]string{k, gmlTypeOf(v)}] = true
			names[k] = true
		}
	}
	sorted := make([]string, 0, len(names))
	for k := range names {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	ids := map[[2]string]string{}
	for _, name := range sorted {
		if !xmlValid(name) && gw.err == nil {
			gw.err = fmt.Errorf("%s attribute name %q %s", gmlRecordNoun[domain], name, xmlInvalidMsg)
		}
		for _, typ := range gmlTypeOrder {
			if used[[2]string{name, typ}] {
				ids[[2]string{name, typ}] = gw.field(domain, name, typ, true)
			}
		}
	}
	return ids
}

const xmlInvalidMsg = "holds a character that XML 1.0 cannot represent"

// data writes one <data> element; what names the value in the error
// returned if XML cannot hold it.
func (gw *gmlWriter) data(indent, key, value, what string) error {
	if key == "" || value == "" {
		return nil
	}
	if !xmlValid(value) {
		return fmt.Errorf("%s %s", what, xmlInvalidMsg)
	}
	gw.buf.WriteString(indent)
	gw.buf.WriteString(`<data key="`)
	gw.buf.WriteString(key)
	gw.buf.WriteString(`">`)
	gw.buf.WriteString(xmlEscape(value))
	gw.buf.WriteString("</data>\n")
	return nil
}

// attrs writes the attributes of one record in key order.
func (gw *gmlWriter) attrs(indent string, ids map[[2]string]string, a network.Attributes, rec string) error {
	for _, k := range a.Keys() {
		v := a[k]
		var s string
		switch x := v.(type) {
		case bool:
			s = strconv.FormatBool(x)
		case int64:
			s = strconv.FormatInt(x, 10)
		case float64:
			s = codec.FormatFloat(x)
		case string:
			s = x
		}
		if !xmlValid(s) {
			return fmt.Errorf("%s: attribute %q %s", rec, k, xmlInvalidMsg)
		}
		id := ids[[2]string{k, gmlTypeOf(v)}]
		gw.buf.WriteString(indent + `<data key="` + id + `">` + xmlEscape(s) + "</data>\n")
	}
	return nil
}

// closeElem ends an element opened at mark (just before its ">") whose
// content started at start: as an empty element if it has no content.
func (gw *gmlWriter) closeElem(mark, start int, end string) {
	if gw.buf.Len() == start {
		gw.buf.Truncate(mark)
		gw.buf.WriteString("/>\n")
		return
	}
	gw.buf.WriteString(end)
}

// xmlEscape escapes s for XML text and attribute values, including
// newlines, carriage returns and tabs so that they read back unchanged.
func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// xmlValid reports whether every character of s is allowed in XML 1.0.
func xmlValid(s string) bool {
	for _, r := range s {
		if !xmlChar(r) {
			return false
		}
	}
	return true
}

func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// xmlList is joinList for a cell that XML must hold: if an item has a
// character XML cannot represent, the list is written as a JSON array with
// such characters as \u escapes.
func xmlList(items []string) string {
	s := joinList(items)
	if xmlValid(s) {
		return s
	}
	raw, _ := json.Marshal(items) // escapes control characters
	var b strings.Builder
	for _, r := range string(raw) {
		if xmlChar(r) {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}
