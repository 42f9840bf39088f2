package measure_test

import (
	"fmt"

	"github.com/illicitnet/illicit/network/measure"
)

// Two cells, a triangle 0-1-2 and a square 3-4-5-6, are joined through the
// courier 7 (tied to 2 and 3). Removing the two actors 2 and 3 splits the
// network into three pieces.
func ExampleKeyPlayers() {
	from := []int{0, 1, 0, 3, 4, 5, 6, 2, 7}
	to := []int{1, 2, 2, 4, 5, 6, 3, 7, 3}
	g, err := measure.FromEdges(8, false, from, to, nil)
	if err != nil {
		panic(err)
	}
	res, err := measure.KeyPlayers(g, measure.KeyPlayerOptions{K: 2, Objective: measure.FragmentNeg})
	if err != nil {
		panic(err)
	}
	fmt.Printf("KPP-Neg set %v: F %.3f → %.3f\n", res.Set, res.Before, res.After)
	for i, v := range res.Set {
		fmt.Printf("  actor %d contributes %.3f\n", v, res.Contribution[i])
	}
	pos, err := measure.KeyPlayers(g, measure.KeyPlayerOptions{K: 2, Objective: measure.ReachPos, M: 1})
	if err != nil {
		panic(err)
	}
	fmt.Printf("KPP-Pos set %v reaches %.0f%% of the others in one step\n", pos.Set, 100*pos.After)
	// Output:
	// KPP-Neg set [2 3]: F 0.000 → 0.733
	//   actor 2 contributes 0.162
	//   actor 3 contributes 0.257
	// KPP-Pos set [2 3] reaches 83% of the others in one step
}
