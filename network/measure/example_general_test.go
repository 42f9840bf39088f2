package measure_test

import (
	"fmt"

	"github.com/illicitnet/illicit/network/measure"
)

func ExamplePageRank() {
	// A directed 3-cycle 0→1→2→0 with an extra arc 0→2.
	g, err := measure.FromEdges(3, true, []int{0, 1, 2, 0}, []int{1, 2, 0, 2}, nil)
	if err != nil {
		panic(err)
	}
	pr, err := measure.PageRank(g, measure.PageRankOptions{Alpha: 0.85, Tol: 1e-12, MaxIter: 1000})
	if err != nil {
		panic(err)
	}
	for i, x := range pr {
		fmt.Printf("%d %.4f\n", i, x)
	}
	// Output:
	// 0 0.3878
	// 1 0.2148
	// 2 0.3974
}

func ExampleCoreNumber() {
	// A triangle 0-1-2 with a tail 2-3-4.
	g, err := measure.FromEdges(5, false, []int{0, 1, 2, 2, 3}, []int{1, 2, 0, 3, 4}, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(measure.CoreNumber(g))
	// Output:
	// [2 2 2 1 1]
}
