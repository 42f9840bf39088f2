package fuse_test

import (
	"fmt"
	"os"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/fuse"
)

// Two agencies report the same man, spelt differently, and a tie.
func Example() {
	fbi := network.New("fbi")
	fbi.AddActor(network.Actor{ID: "atta-1", Name: "Mohamed Atta", Kind: network.Operative,
		Attributes: network.Attributes{"dob": "1968-09-01"}})
	fbi.AddActor(network.Actor{ID: "jarrah", Name: "Ziad Jarrah"})
	fbi.AddLink(network.Link{From: "atta-1", To: "jarrah", Mutual: true, Grade: network.MustParseGrade("B2")})
	cia := network.New("cia")
	cia.AddActor(network.Actor{ID: "M.ATTA", Name: "ATTA, Mohammed", Kind: network.Operative,
		Attributes: network.Attributes{"date_of_birth": "1968-09-01"}})
	cia.AddActor(network.Actor{ID: "Z.JARRAH", Name: "Ziyad Jarrah"})
	cia.AddLink(network.Link{From: "M.ATTA", To: "Z.JARRAH", Mutual: true, Grade: network.MustParseGrade("E5")})

	res, err := fuse.Fuse([]fuse.Source{{Name: "fbi", Network: fbi}, {Name: "cia", Network: cia}}, fuse.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range res.Decisions {
		fmt.Printf("%s ~ %s: %.2f bits, %s\n", d.A, d.B, d.Weight, d.Outcome)
	}
	for _, a := range res.Network.Actors() {
		fmt.Println(a.ID, a.Name, a.Attributes[fuse.RecordsKey])
	}
	for _, c := range fuse.Corroborations(res.Network) {
		fmt.Println(c.From, c.To, c.Links, "links from", c.Sources, c.Grades)
	}
	fuse.WriteCSV(os.Stdout, res.Decisions[:1])
	// Output:
	// fbi:atta-1 ~ cia:M.ATTA: 21.31 bits, merge
	// fbi:jarrah ~ cia:Z.JARRAH: 9.83 bits, merge
	// atta-1 Mohamed Atta fbi:atta-1:Mohamed Atta|cia:M.ATTA:ATTA, Mohammed
	// jarrah Ziad Jarrah fbi:jarrah:Ziad Jarrah|cia:Z.JARRAH:Ziyad Jarrah
	// atta-1 jarrah 2 links from [fbi cia] [B2 E5]
	// source1,id1,name1,source2,id2,name2,weight,outcome,name_similarity,name_band,names_compared,alias_match,fields,note
	// fbi,atta-1,Mohamed Atta,cia,M.ATTA,"ATTA, Mohammed",21.31,merge,1.000,exact,"Mohamed Atta ~ ATTA, Mohammed",false,name:exact:+9.97; id:disagree:-0.14; kind:agree:+2.58; date_of_birth:agree:+8.89,
}
