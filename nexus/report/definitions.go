package report

// definitions returns the "how to read this" entries: what each section's
// numbers mean and where the definition comes from.
func definitions() []Definition {
	return []Definition{
		{"Critical elements", "Every link serves one of the four critical elements of an illicit supply chain — materiel (what moves), manpower (who moves, controls, enables and protects it), money (who funds, pays and launders) and mechanisms (routes, conveyance, infrastructure, communication) — or is an association of unknown function.",
			"C. B. Realuyo (2013), \"Collaborating to combat illicit networks through interagency and international efforts\", in M. Miklaucic & J. Brewer (eds.), Convergence, NDU Press."},
		{"Grades", "Each link carries the grade of its report: source reliability A (completely reliable) to F (cannot be judged) and information credibility 1 (confirmed) to 6 (cannot be judged). Confidence = reliability × credibility, each scored 1, 0.8, 0.6, 0.4, 0.2 from best to worst and 0.5 for \"cannot be judged\"; ungraded links count 0.25.",
			"NATO AJP-2.1 / the Admiralty system; UK College of Policing 3×5×2."},
		{"Degree, betweenness, closeness", "Degree: the share of the other actors an actor is tied to. Betweenness: the share of shortest paths between pairs of other actors passing through it, normalised by (n−1)(n−2)/2 undirected. Closeness: (r−1)/Σd over the r actors it reaches, scaled by (r−1)/(n−1). Computed at organisation level (places left out).",
			"L. C. Freeman (1979), \"Centrality in social networks: conceptual clarification\", Social Networks 1; U. Brandes (2001), J. Math. Sociol. 25; S. Wasserman & K. Faust (1994), Social Network Analysis."},
		{"Nexus betweenness", "Betweenness restricted to the shortest paths from an actor of set A (by default the criminal sector) to one of set B (the terrorist sector): Σ over pairs (a, b) of σ_ab(v)/σ_ab. High values mark the actors through which crime reaches terror.",
			"M. G. Everett & S. P. Borgatti (1999), \"The centrality of groups and classes\", J. Math. Sociol. 23(3)."},
		{"Convergence node", "An actor with ties to both sets. Its score is 0.25 × (nexus betweenness / its maximum) + 0.25 × Blau index of its neighbours' sectors + 0.25 × multiplexity (critical elements among its links / 4) + 0.25 × hybrid (1 if it belongs to two sectors).",
			"D. Luna (2008), US Department of State; C. Realuyo (2013); P. M. Blau (1977), Inequality and Heterogeneity."},
		{"Cross-sector brokers", "The Gould–Fernandez roles an actor plays on open two-paths from an actor of A to one of B: liaison (the broker in neither set), representative (in A), gatekeeper (in B), hybrid (in both).",
			"R. V. Gould & R. M. Fernandez (1989), \"Structures of mediation\", Sociological Methodology 19."},
		{"Corruption nodes, iron triangles", "A corruption node is a state-sector actor linked to set A or B. An iron triangle is a state, a licit and a criminal actor pairwise linked: \"corrupt business leaders, corrupt government officials, and organized criminals\" working together.",
			"D. Luna (2008), remarks, US Department of State."},
		{"Continuum stage", "Where a pair of groups stands on the crime–terror continuum: alliance (a direct transaction or a shared facilitator), operational (a terrorist group trafficking, a criminal group using terrorist-type violence), convergence (a hybrid or a shared member), black hole (a convergent group that has bought or is backed by the state).",
			"T. Makarenko (2004), \"The crime–terror continuum\", Global Crime 6(1)."},
		{"Key players", "The set of k actors whose removal most fragments the network: KPP-Neg with Borgatti's fragmentation F, the share of pairs of remaining actors with no path between them, found by a greedy swap search with random restarts.",
			"S. P. Borgatti (2006), \"Identifying sets of key players in a social network\", Comput. Math. Organ. Theory 12."},
		{"Disruption curves", "Actors are removed one at a time in the order of a strategy ranked once on the intact network (degree, betweenness, nexus betweenness, key player, random). Each step gives the share of A–B pairs still joined by a path (or of actors in the largest component) and the global efficiency E = Σ 1/d_ij / (n_r(n_r − 1)) over the remaining actors.",
			"V. Latora & M. Marchiori (2001), Phys. Rev. Lett. 87; P. A. C. Duijn, V. Kashirin & P. M. A. Sloot (2014), Sci. Rep. 4:4238."},
		{"Supply-chain audit", "The fourteen questions of the four critical elements — what is moved, from where, to where, with what resources; who moves, controls, enables and protects it; who funds it, how revenue is made and where the money goes; by what modes, with what technology and how the chain is organised — each answered from the links, or \"unknown\" where the data is silent.",
			"C. B. Realuyo (2013), Figure 2, NDU Press."},
		{"Routes, chokepoints, minimum cut, interdiction", "Routes are mechanism links between places, with a cost and a capacity. The k cheapest loopless routes (Yen 1971); chokepoints are the articulation points and bridges of the routes between the sources' and the markets' places; the maximum flow equals the capacity of the minimum cut (Ford & Fulkerson 1956); the interdiction curve gives for each budget k the remaining maximum flow after the best k links are removed (exact up to k = 3).",
			"J. Y. Yen (1971), Management Science 17; L. R. Ford & D. R. Fulkerson (1956), Can. J. Math. 8; R. K. Wood (1993), Math. Comput. Modelling 17."},
		{"Money trails, money convergence, laundering", "A money trail is a time-ordered sequence of money links from an actor of A to one of B (at most four hops), ranked by its bottleneck amount; a gateway (money-convergence point) is where trails reach B. Laundering patterns are the AMLSim typologies: fan-in, fan-out, cycle, scatter–gather, gather–scatter, layering chains.",
			"FATF (2008) Terrorist Financing; IBM AMLSim typologies (Altman et al. 2023, \"Realistic synthetic financial transactions for anti-money laundering models\")."},
		{"How sure", "Each link is kept with the probability its grade gives (Grade.Confidence) in 200 samples of the network; for each actor the mean, the 5th and 95th percentiles of its nexus betweenness, the share of samples in which it is first (ties split) and in the top 5, and Kendall's τ-b between a sample's ranking and the full one. A link is critical if removing it alone changes the first actor or the top 5.",
			"S. P. Borgatti, K. M. Carley & D. Krackhardt (2006), \"On the robustness of centrality measures under conditions of imperfect data\", Social Networks 28(2); M. G. Kendall (1945), \"The treatment of ties in ranking problems\", Biometrika 33(3)."},
		{"Early warning", "The links active in an earlier and a later time window are compared: new ties between actors of different sectors, actors whose nexus betweenness rises from zero (new brokers) and the largest rises.",
			"P. Williams (2001), \"Transnational criminal networks\", in Arquilla & Ronfeldt (eds.), Networks and Netwars, RAND."},
	}
}
