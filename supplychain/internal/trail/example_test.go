package trail_test

import (
	"fmt"
	"log"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/supplychain/internal/trail"
)

// A cartel pays a front company, which pays a charity, which pays a cell
// through a hawala; the cartel also sends bulk cash to a hawala operator
// who pays the cell, and a donor gives to the cell. The money reaches the
// cell on two trails, the shorter one first; the charity and the hawala
// operator are where the proceeds of crime reach terrorists; the cell's
// three receipts in March are a fan-in, and the route through the front
// company and the charity a layering chain.
func Example() {
	names := []string{"cartel", "front", "charity", "cell", "hawala", "donor"}
	day := func(s string) network.Date {
		d, err := network.ParseDate(s)
		if err != nil {
			log.Fatal(err)
		}
		return d
	}
	pay := func(from, to int, amount float64, date, channel string) trail.Transfer {
		return trail.Transfer{From: from, To: to, Amount: amount, Start: day(date), End: day(date),
			Grade: 0.8, Channel: channel}
	}
	ts := []trail.Transfer{
		pay(0, 1, 500, "2001-01-10", "formal_banking"),
		pay(1, 2, 450, "2001-02", "formal_banking"),
		pay(2, 3, 400, "2001-03-05", "hawala"),
		pay(0, 4, 300, "2001-03-01", "bulk_cash"),
		pay(4, 3, 250, "2001-03-20", "hawala"),
		pay(5, 3, 100, "2001-03-15", "formal_banking"),
	}
	for i := range ts {
		ts[i].Link = i
	}
	criminal := []bool{true, false, false, false, false, false}
	terrorist := []bool{false, false, false, true, false, false}
	front := []bool{false, true, true, false, false, false}
	label := func(actors []int) []string {
		var out []string
		for _, a := range actors {
			out = append(out, names[a])
		}
		return out
	}

	res, err := trail.Trails(len(names), ts, criminal, terrorist, trail.Options{Front: front})
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range res.Trails {
		fmt.Printf("trail %v links %v bottleneck %.0f channels %v %s..%s crosses %v\n",
			label(t.Path), t.Transfers, t.Bottleneck, t.Channels, t.Start, t.End, label(t.Crosses))
	}
	gates, err := trail.Gateways(len(names), ts, criminal, terrorist, trail.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, g := range gates {
		fmt.Printf("gateway %s pays %v (links %v)\n", names[g.Actor], label(g.Targets), g.Transfers)
	}
	pats, err := trail.Patterns(len(names), ts, trail.PatternOptions{Front: front})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range pats.Patterns {
		fmt.Printf("%s at %v: %v links %v amount %.0f\n", p.Kind, label(p.Central), label(p.Actors), p.Transfers, p.Amount)
	}
	// Output:
	// trail [cartel hawala cell] links [3 4] bottleneck 250 channels [bulk_cash hawala] 2001-03-01..2001-03-20 crosses []
	// trail [cartel front charity cell] links [0 1 2] bottleneck 400 channels [formal_banking hawala] 2001-01-10..2001-03-05 crosses [front charity]
	// gateway charity pays [cell] (links [2])
	// gateway hawala pays [cell] (links [4])
	// fan_in at [cell]: [charity cell hawala donor] links [2 4 5] amount 750
	// layering at [cartel cell]: [cartel front charity cell] links [0 1 2] amount 1350
}
