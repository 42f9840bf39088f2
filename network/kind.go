package network

import (
	"fmt"
	"github.com/illicitnet/illicit/network/internal/codec"
	"strings"
)

// Sector is the broad side of the illicit-network landscape an actor belongs
// to. Every Kind has one primary sector; an actor may carry extra sector tags
// (see Actor.Sectors), which makes it a hybrid.
type Sector uint8

// The sectors. Each Kind belongs to exactly one of them (see Kind.Sector and
// the table in the package documentation); an actor may add others through
// Actor.Sectors. NoSector is the zero value: the sector of KindUnknown and
// of a Sector that failed to parse.
const (
	NoSector    Sector = iota
	Criminal           // cartels, gangs, mafias, pirates, individual criminals
	Terrorist          // terrorist groups, insurgencies, cells, operatives
	Facilitator        // smugglers, launderers, hawaladars, forgers, brokers for hire
	State              // corrupt officials, state security services, state sponsors
	Licit              // businesses, front companies, banks, charities, professionals
	Counter            // law enforcement, military, multilateral and task-force bodies
	Place              // countries, regions, cities, ports, border crossings
)

var sectorNames = [...]string{
	NoSector:    "",
	Criminal:    "criminal",
	Terrorist:   "terrorist",
	Facilitator: "facilitator",
	State:       "state",
	Licit:       "licit",
	Counter:     "counter",
	Place:       "place",
}

// Sectors lists every valid sector in declaration order.
func Sectors() []Sector {
	return []Sector{Criminal, Terrorist, Facilitator, State, Licit, Counter, Place}
}

// String returns the snake_case name of the sector ("criminal", "terrorist", …),
// or "" for NoSector.
func (s Sector) String() string {
	if int(s) < len(sectorNames) {
		return sectorNames[s]
	}
	return fmt.Sprintf("Sector(%d)", uint8(s))
}

// Valid reports whether s is one of the named sectors (not NoSector).
func (s Sector) Valid() bool { return s > NoSector && int(s) < len(sectorNames) }

// ParseSector parses a sector name. Matching ignores case and surrounding space.
func ParseSector(name string) (Sector, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	for s := Criminal; int(s) < len(sectorNames); s++ {
		if sectorNames[s] == key {
			return s, nil
		}
	}
	return NoSector, fmt.Errorf("unknown sector %q (want one of %s)", name, strings.Join(sectorNames[1:], ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (s Sector) MarshalText() ([]byte, error) {
	return codec.MarshalText(s.String(), s.Valid(), "invalid sector %d", uint8(s))
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Sector) UnmarshalText(b []byte) error { return codec.UnmarshalText(s, b, ParseSector) }

// Kind is what an actor is: a cartel, a cell, a hawala operator, a port….
// Its primary sector follows from it (Kind.Sector).
type Kind uint8

// The actor kinds. KindUnknown is the zero value, for untyped published data.
const (
	KindUnknown Kind = iota

	// Criminal sector.
	Cartel             // cartel or drug-trafficking organisation
	Gang               // street or prison gang
	Mafia              // mafia or organised-crime family
	CriminalGroup      // other organised-crime group
	Pirates            // pirate group
	IndividualCriminal // individual criminal; written "criminal"

	// Terrorist sector.
	TerroristGroup // terrorist group (e.g. a designated foreign terrorist organisation)
	Insurgency     // insurgency or armed group
	Cell           // operational cell
	Operative      // individual operative

	// Facilitator sector.
	Smuggler          // smuggler of drugs, arms or migrants
	MoneyLaunderer    // money launderer
	Hawala            // informal value transfer operator (hawala, hundi)
	CashCourier       // bulk cash courier
	DocumentForger    // document forger
	TravelFacilitator // travel facilitator
	ArmsBroker        // arms broker
	CyberProvider     // cyber service provider

	// State sector.
	CorruptOfficial // corrupt official: police, customs, military, judiciary, politician
	StateSecurity   // state security or intelligence service
	StateSponsor    // state sponsor

	// Licit sector.
	Business             // legitimate business
	FrontCompany         // front company
	FinancialInstitution // bank, remitter, exchange house, casino
	Charity              // charity or non-profit organisation
	Professional         // lawyer, accountant, real-estate agent

	// Counter sector.
	Agency    // law-enforcement, military or multilateral agency
	TaskForce // task force or collaborative body (e.g. JIATF-South)

	// Place sector.
	Country        // country
	Region         // region
	City           // city
	Port           // sea port, airport or airstrip
	BorderCrossing // border crossing

	numKinds
)

var kindInfo = [numKinds]struct {
	name   string
	sector Sector
}{
	KindUnknown:          {"unknown", NoSector},
	Cartel:               {"cartel", Criminal},
	Gang:                 {"gang", Criminal},
	Mafia:                {"mafia", Criminal},
	CriminalGroup:        {"criminal_group", Criminal},
	Pirates:              {"pirates", Criminal},
	IndividualCriminal:   {"criminal", Criminal},
	TerroristGroup:       {"terrorist_group", Terrorist},
	Insurgency:           {"insurgency", Terrorist},
	Cell:                 {"cell", Terrorist},
	Operative:            {"operative", Terrorist},
	Smuggler:             {"smuggler", Facilitator},
	MoneyLaunderer:       {"money_launderer", Facilitator},
	Hawala:               {"hawala", Facilitator},
	CashCourier:          {"cash_courier", Facilitator},
	DocumentForger:       {"document_forger", Facilitator},
	TravelFacilitator:    {"travel_facilitator", Facilitator},
	ArmsBroker:           {"arms_broker", Facilitator},
	CyberProvider:        {"cyber_provider", Facilitator},
	CorruptOfficial:      {"corrupt_official", State},
	StateSecurity:        {"state_security", State},
	StateSponsor:         {"state_sponsor", State},
	Business:             {"business", Licit},
	FrontCompany:         {"front_company", Licit},
	FinancialInstitution: {"financial_institution", Licit},
	Charity:              {"charity", Licit},
	Professional:         {"professional", Licit},
	Agency:               {"agency", Counter},
	TaskForce:            {"task_force", Counter},
	Country:              {"country", Place},
	Region:               {"region", Place},
	City:                 {"city", Place},
	Port:                 {"port", Place},
	BorderCrossing:       {"border_crossing", Place},
}

// Kinds lists every kind, KindUnknown first, in declaration order.
func Kinds() []Kind {
	ks := make([]Kind, numKinds)
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

// String returns the snake_case name of the kind ("cartel", "hawala", …).
func (k Kind) String() string {
	if k < numKinds {
		return kindInfo[k].name
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Valid reports whether k is a defined kind (KindUnknown included).
func (k Kind) Valid() bool { return k < numKinds }

// Sector returns the primary sector of the kind: Criminal for Cartel,
// Facilitator for Hawala, and so on. KindUnknown has NoSector.
func (k Kind) Sector() Sector {
	if k < numKinds {
		return kindInfo[k].sector
	}
	return NoSector
}

// ParseKind parses a kind name such as "cartel" or "money_launderer". Matching
// ignores case and surrounding space; the empty string is KindUnknown.
func ParseKind(name string) (Kind, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" {
		return KindUnknown, nil
	}
	for k := range kindInfo {
		if kindInfo[k].name == key {
			return Kind(k), nil
		}
	}
	return KindUnknown, fmt.Errorf("unknown kind %q", name)
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) {
	return codec.MarshalText(k.String(), k.Valid(), "invalid kind %d", uint8(k))
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *Kind) UnmarshalText(b []byte) error { return codec.UnmarshalText(k, b, ParseKind) }
