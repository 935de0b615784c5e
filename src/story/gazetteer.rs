//! Places by name: countries, first-level regions and every city of 5,000+ people (GeoNames,
//! CC BY 4.0; see `data/gazetteer/PROVENANCE.md`). Embedded in the binary, parsed once on first use and
//! shared by all stage lanes.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

pub use crate::story::normalize::fold;

const CITIES: &str = include_str!("../../data/gazetteer/cities.tsv");
/// Names of large cities in the five enriched languages, by geonameid: GeoNames' own alternate
/// names carry no language, so the few kept in `cities.tsv` are not always the ones news uses.
const EXONYMS: &str = include_str!("../../data/gazetteer/exonyms.tsv");
const COUNTRIES: &str = include_str!("../../data/gazetteer/countries.tsv");
/// Country names in Spanish, French, German and Portuguese: code, language, name.
const LOCAL_COUNTRY_NAMES: &str = include_str!("../../data/gazetteer/country_names.tsv");
/// Country names news uses that neither list has (`Russland`, `EE.UU.`, `Côte d'Ivoire`): code,
/// language, name.
const NEWS_COUNTRY_NAMES: &str = include_str!("../../data/gazetteer/country_aliases.tsv");
const US_STATES: &str = include_str!("../../data/gazetteer/us_state_abbreviations.tsv");
/// ISO 3166-2 subdivisions: country, code, name, type, level (1 for first-level, 2 below).
pub(crate) const REGIONS: &str = include_str!("../../data/gazetteer/regions.tsv");
/// GeoNames' first-level divisions: ISO 3166-2 code (GeoNames' own key where none matched),
/// geonameid, name, the population of its cities, and their centre (longitude, latitude).
const REGION_IDS: &str = include_str!("../../data/gazetteer/region_ids.tsv");

/// Names newsrooms use for countries besides GeoNames' own.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("u.s.", "US"),
    ("us", "US"),
    ("usa", "US"),
    ("united states of america", "US"),
    ("uk", "GB"),
    ("u.k.", "GB"),
    ("britain", "GB"),
    ("great britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("northern ireland", "GB"),
    ("czech republic", "CZ"),
    ("ivory coast", "CI"),
    ("the netherlands", "NL"),
    ("holland", "NL"),
    ("burma", "MM"),
    ("macedonia", "MK"),
    ("swaziland", "SZ"),
    ("east timor", "TL"),
    ("the gambia", "GM"),
    ("vatican", "VA"),
    ("south korea", "KR"),
    ("north korea", "KP"),
    ("russia", "RU"),
    ("syria", "SY"),
    ("iran", "IR"),
    ("laos", "LA"),
    ("vietnam", "VN"),
    ("taiwan", "TW"),
    ("bolivia", "BO"),
    ("venezuela", "VE"),
    ("tanzania", "TZ"),
    ("moldova", "MD"),
    ("palestinian territories", "PS"),
];

#[derive(Debug, Clone)]
pub struct City {
    pub geonameid: u64,
    pub name: String,
    pub country: String,
    pub admin1: String,
    pub population: u64,
    pub latitude: f64,
    pub longitude: f64,
    /// Other names for cities of 100,000+: this project's exonyms first, then GeoNames' (but
    /// none that names a country or another country's region).
    pub alternates: Vec<String>,
}

/// A first-level division as GeoNames has it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Division {
    pub geonameid: u64,
    /// The people of its cities of 5,000+: what a region weighs against a town of its name.
    pub population: u64,
    /// The population-weighted centre of those cities (longitude, latitude); none when GeoNames
    /// lists no city of 5,000+ in it.
    pub point: Option<(f64, f64)>,
}

pub struct Gazetteer {
    cities: Vec<City>,
    /// Folded name or alternate name → indexes into `cities`, most populous first.
    city_names: FxHashMap<String, Vec<usize>>,
    countries: FxHashMap<String, String>,
    /// Country names as written (GeoNames and newsroom aliases) with their codes.
    country_names: Vec<(String, String)>,
    /// Country code → its GeoNames English name, the first of `country_names` with that code.
    /// A map, not a walk through `country_names`: that walk read a few hundred strings, each
    /// in its own allocation, for every country of every story.
    english_names: FxHashMap<String, String>,
    country_geonameids: FxHashMap<String, u64>,
    /// Folded national capital → its country's code.
    capitals: FxHashMap<String, String>,
    /// Folded state name, postal code or newsroom abbreviation → postal code.
    us_states: FxHashMap<String, String>,
    /// ISO 3166-2 code (or GeoNames' key, `DE.02`, for a division no ISO name matched) → the
    /// division.
    divisions: FxHashMap<String, Division>,
    /// (country code, folded name) → the geonameid of that country's region of that name.
    region_ids_by_name: FxHashMap<(String, String), Division>,
}

/// `south korea` → `South Korea`.
fn title_words(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The short form a city goes by, when its name has one: `Frankfurt` of `Frankfurt am Main`,
/// `Newcastle` of `Newcastle upon Tyne`. Datelines and running text both use it.
pub fn short_form(name: &str) -> Option<&str> {
    [" am ", " an der ", " upon "]
        .into_iter()
        .find_map(|joint| name.split_once(joint).map(|(short, _)| short))
}

/// The shared gazetteer, built on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::load)
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut country_names = Vec::new();
        let mut country_geonameids = FxHashMap::default();
        let mut capitals = FxHashMap::default();
        for line in COUNTRIES.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            if let [code, name, geonameid, ref rest @ ..] = fields[..] {
                if let Some(capital) = rest.first().filter(|c| !c.is_empty()) {
                    capitals.insert(fold(capital), code.to_owned());
                }
                country_names.push((name.to_owned(), code.to_owned()));
                if let Ok(id) = geonameid.parse() {
                    country_geonameids.insert(code.to_owned(), id);
                }
            }
        }
        for (alias, code) in COUNTRY_ALIASES {
            // Abbreviations are written in capitals, dotted or not: `U.S.`, `US`, `UK`, `USA`.
            if alias.contains('.') || alias.len() <= 3 {
                country_names.push((alias.to_uppercase(), (*code).to_owned()));
            } else {
                country_names.push((title_words(alias), (*code).to_owned()));
            }
        }
        let mut english_names = FxHashMap::default();
        for (name, code) in &country_names {
            english_names
                .entry(code.clone())
                .or_insert_with(|| name.clone());
        }
        let mut countries: FxHashMap<String, String> = country_names
            .iter()
            .map(|(name, code)| (fold(name), code.clone()))
            .collect();
        for (alias, code) in COUNTRY_ALIASES {
            countries.insert(fold(alias), (*code).to_owned());
        }
        // After the English names, so that a name two languages share keeps its English sense.
        let listed = LOCAL_COUNTRY_NAMES
            .lines()
            .chain(NEWS_COUNTRY_NAMES.lines());
        for line in listed.filter(|line| !line.starts_with('#')) {
            if let [code, _, name] = line.split('\t').collect::<Vec<_>>()[..] {
                countries
                    .entry(fold(name))
                    .or_insert_with(|| code.to_owned());
                country_names.push((name.to_owned(), code.to_owned()));
            }
        }
        // Folded ISO 3166-2 region name → the countries with a region of that name.
        let mut region_codes: FxHashMap<String, Vec<&str>> = FxHashMap::default();
        for line in REGIONS.lines() {
            if let [code, _, name, _, _] = line.split('\t').collect::<Vec<_>>()[..] {
                region_codes.entry(fold(name)).or_default().push(code);
            }
        }
        let exonyms: FxHashMap<&str, &str> = EXONYMS
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let id = fields.next()?;
                Some((id, fields.nth(1)?))
            })
            .collect();
        let mut cities = Vec::new();
        let mut city_names: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for line in CITIES.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            let [id, name, country, admin1, population, latitude, longitude, alternates] =
                fields[..]
            else {
                continue;
            };
            // The exonyms first, then GeoNames' alternates that fold like none of them (the
            // generator already left out those that fold like the name or each other).
            let mut names = vec![name];
            for exonym in exonyms.get(id).into_iter().flat_map(|e| e.split('|')) {
                if !names.iter().any(|known| fold(known) == fold(exonym)) {
                    names.push(exonym);
                }
            }
            let exonym_count = names.len() - 1;
            for alternate in alternates.split('|').filter(|a| !a.is_empty()) {
                let folded = fold(alternate);
                // A GeoNames alternate does not take a country's or another country's region's
                // name from it: "Florida", an old name of Floridablanca, Colombia, is in the news
                // the US state (or the department of Uruguay), "Manchester" no name of Richmond,
                // Virginia. In the city's own country it may ("Quebec"); the exonyms, written
                // for news, always do ("Colonia" is Köln in Spanish copy).
                let abroad = |codes: &Vec<&str>| codes.iter().any(|code| *code != country);
                let names_a_division_abroad =
                    countries.get(&folded).is_some_and(|code| code != country)
                        || region_codes.get(&folded).is_some_and(abroad);
                if !names_a_division_abroad
                    && !names[..=exonym_count]
                        .iter()
                        .any(|known| fold(known) == folded)
                {
                    names.push(alternate);
                }
            }
            let index = cities.len();
            for alias in names
                .iter()
                .copied()
                .chain(names.iter().filter_map(|n| short_form(n)))
            {
                let entry = city_names.entry(fold(alias)).or_default();
                if !entry.contains(&index) {
                    entry.push(index);
                }
            }
            cities.push(City {
                geonameid: id.parse().unwrap_or_default(),
                name: name.to_owned(),
                country: country.to_owned(),
                admin1: admin1.to_owned(),
                population: population.parse().unwrap_or_default(),
                latitude: latitude.parse().unwrap_or_default(),
                longitude: longitude.parse().unwrap_or_default(),
                alternates: names[1..].iter().map(|alias| (*alias).to_owned()).collect(),
            });
        }
        let mut us_states = FxHashMap::default();
        for line in US_STATES.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            if let [name, postal, abbreviation] = fields[..] {
                for key in [name, postal, abbreviation] {
                    us_states.insert(fold(key), postal.to_owned());
                }
            }
        }
        let mut divisions = FxHashMap::default();
        let mut region_ids_by_name = FxHashMap::default();
        for line in REGION_IDS.lines() {
            if let [code, id, name, population, longitude, latitude] =
                line.split('\t').collect::<Vec<_>>()[..]
            {
                let Ok(geonameid) = id.parse() else {
                    continue;
                };
                let division = Division {
                    geonameid,
                    population: population.parse().unwrap_or_default(),
                    point: longitude.parse().ok().zip(latitude.parse().ok()),
                };
                divisions.insert(code.to_owned(), division);
                let country = code.get(..2).unwrap_or_default();
                region_ids_by_name.insert((country.to_owned(), fold(name)), division);
            }
        }
        Gazetteer {
            cities,
            city_names,
            countries,
            country_names,
            english_names,
            country_geonameids,
            capitals,
            us_states,
            divisions,
            region_ids_by_name,
        }
    }

    pub fn cities(&self) -> &[City] {
        &self.cities
    }

    /// Country names as written, with their codes: English ones first, then those of the other
    /// enriched languages.
    pub fn country_names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.country_names
            .iter()
            .map(|(name, code)| (name.as_str(), code.as_str()))
    }

    /// The GeoNames English name of a country.
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.english_names.get(code).map(String::as_str)
    }

    pub fn country_geonameid(&self, code: &str) -> Option<u64> {
        self.country_geonameids.get(code).copied()
    }

    /// The GeoNames division a region is, by its ISO 3166-2 code (`US-FL`) or, for one no ISO
    /// name matched, GeoNames' key (`DE.02`).
    pub fn division(&self, code: &str) -> Option<Division> {
        self.divisions.get(code).copied()
    }

    /// The geonameid of a region by its code, as for `division`.
    pub fn region_geonameid(&self, code: &str) -> Option<u64> {
        self.division(code).map(|division| division.geonameid)
    }

    /// The division of country `code` called `name`: news names Scotland or Wales the way it
    /// names countries, and each is its own place, not the United Kingdom. Never for the
    /// country's own name: "Mexico" is the country, though its state of México is written the
    /// same but for the accent.
    pub fn division_by_name(&self, code: &str, name: &str) -> Option<Division> {
        let folded = fold(name);
        if self
            .country_name(code)
            .is_some_and(|english| fold(english) == folded)
        {
            return None;
        }
        self.region_ids_by_name
            .get(&(code.to_owned(), folded))
            .copied()
    }

    /// The country whose national capital this is ("Washington" → US, "Moscow" → RU).
    pub fn capital_of(&self, name: &str) -> Option<&str> {
        self.capitals.get(&fold(name)).map(String::as_str)
    }

    /// The ISO 3166-1 alpha-2 code of a country name (`Cuba`, `U.S.`, `Allemagne` not included).
    pub fn country_code(&self, name: &str) -> Option<&str> {
        self.countries.get(&fold(name)).map(String::as_str)
    }

    /// The postal code of a US state by name, postal code or newsroom abbreviation.
    pub fn us_state(&self, name: &str) -> Option<&str> {
        self.us_states.get(&fold(name)).map(String::as_str)
    }

    /// The most populous city of that name, narrowed by a region printed beside it (a country
    /// or a US state) when there is one.
    pub fn city(&self, name: &str, region: Option<&str>) -> Option<&City> {
        let country = region.and_then(|r| self.country_code(r));
        let state = region.and_then(|r| self.us_state(r));
        self.most_populous(name, |city| match (country, state) {
            (Some(country), _) => city.country == country,
            (None, Some(state)) => city.country == "US" && city.admin1 == state,
            (None, None) => true,
        })
    }

    /// The most populous city of that name in the country with ISO code `country`.
    pub fn city_in_country(&self, name: &str, country: &str) -> Option<&City> {
        self.most_populous(name, |city| city.country == country)
    }

    /// The most populous city of that name in the US state with postal code `state`.
    pub fn city_in_us_state(&self, name: &str, state: &str) -> Option<&City> {
        self.most_populous(name, |city| city.country == "US" && city.admin1 == state)
    }

    /// The most populous city of that name that `accept` takes.
    fn most_populous(&self, name: &str, accept: impl Fn(&City) -> bool) -> Option<&City> {
        self.city_names
            .get(&fold(name))?
            .iter()
            .map(|index| &self.cities[*index])
            .find(|city| accept(city))
    }

    /// The country of a dateline place: from the region printed beside it (a country, or a US
    /// state → US), else from the most populous city of that name.
    pub fn dateline_country(&self, place: &str, region: Option<&str>) -> Option<String> {
        if let Some(region) = region {
            if let Some(code) = self.country_code(region) {
                return Some(code.to_owned());
            }
            if self.us_state(region).is_some() {
                return Some("US".to_owned());
            }
        }
        self.city(place, region)
            .or_else(|| self.city(place, None))
            .map(|city| city.country.clone())
            .or_else(|| self.country_code(place).map(str::to_owned))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_is_found_by_its_short_form() {
        let g = gazetteer();
        let frankfurt = g
            .city("FRANKFURT", None)
            .map(|c| (c.name.as_str(), c.country.as_str()));
        assert_eq!(frankfurt, Some(("Frankfurt am Main", "DE")));
        assert_eq!(g.dateline_country("Frankfurt", None).as_deref(), Some("DE"));
        assert_eq!(short_form("Newcastle upon Tyne"), Some("Newcastle"));
        assert_eq!(short_form("Buenos Aires"), None);
    }

    #[test]
    fn every_exonym_names_its_city_and_finds_it() {
        let g = gazetteer();
        for line in EXONYMS.lines().filter(|line| !line.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            let [id, name, exonyms] = fields[..] else {
                panic!("three columns: {line:?}");
            };
            let id: u64 = id.parse().expect("a geonameid");
            let city = g.cities().iter().find(|city| city.geonameid == id);
            assert_eq!(city.map(|c| c.name.as_str()), Some(name), "{line:?}");
            // Each name finds this city, not a larger one of the same name.
            for exonym in exonyms.split('|') {
                assert_eq!(
                    g.city(exonym, None).map(|c| c.geonameid),
                    Some(id),
                    "{exonym}"
                );
            }
        }
    }

    #[test]
    fn a_geonames_alternate_does_not_take_a_division_abroad_from_it() {
        let g = gazetteer();
        // Floridablanca, Colombia (3682385), lists "Florida" among its GeoNames names; Richmond,
        // Virginia, lists "Manchester".
        for (name, not) in [("Florida", 3682385), ("Manchester", 4781708)] {
            assert_ne!(g.city(name, None).map(|c| c.geonameid), Some(not), "{name}");
        }
        let floridablanca = g.cities().iter().find(|c| c.geonameid == 3682385);
        assert!(floridablanca.is_some_and(|c| !c.alternates.iter().any(|a| a == "Florida")));
        // In the city's own country an alternate stays: Algiers is "Alger", as its province is.
        let algiers = g.cities().iter().find(|c| c.geonameid == 2507480);
        assert!(algiers.is_some_and(|c| c.alternates.iter().any(|a| a == "Alger")));
    }

    #[test]
    fn dateline_countries() {
        let g = gazetteer();
        assert_eq!(
            g.dateline_country("WASHINGTON", None).as_deref(),
            Some("US")
        );
        assert_eq!(g.dateline_country("PARIS", None).as_deref(), Some("FR"));
        assert_eq!(
            g.dateline_country("PARIS", Some("Texas")).as_deref(),
            Some("US")
        );
        assert_eq!(
            g.dateline_country("PRINEVILLE", Some("Ore.")).as_deref(),
            Some("US")
        );
        assert_eq!(
            g.dateline_country("HAVANA", Some("Cuba")).as_deref(),
            Some("CU")
        );
        assert_eq!(g.dateline_country("MUNICH", None).as_deref(), Some("DE"));
        assert_eq!(g.dateline_country("Nowhere-on-Sea", None), None);
    }

    #[test]
    fn country_names_and_aliases() {
        let g = gazetteer();
        assert_eq!(g.country_code("Zambia"), Some("ZM"));
        assert_eq!(
            g.country_code("République démocratique du Congo"),
            Some("CD")
        );
        assert_eq!(g.country_code("U.S."), Some("US"));
        // Names news uses that neither GeoNames nor iso-codes lists.
        assert_eq!(g.country_code("Russland"), Some("RU"));
        assert_eq!(g.country_code("EE.UU."), Some("US"));
        assert_eq!(g.country_code("Cote d'Ivoire"), Some("CI"));
        assert_eq!(g.country_code("Netherlands"), Some("NL"));
        // The two Congos as wire copy names them.
        for name in [
            "Democratic Republic of Congo",
            "DRC",
            "Congo",
            "Congo-Kinshasa",
        ] {
            assert_eq!(g.country_code(name), Some("CD"), "{name}");
        }
        for name in ["Republic of Congo", "Congo Republic", "Congo-Brazzaville"] {
            assert_eq!(g.country_code(name), Some("CG"), "{name}");
        }
        assert_eq!(g.us_state("Calif."), Some("CA"));
        // Regions with their own GeoNames feature, by code or, within their country, by name.
        assert_eq!(g.region_geonameid("US-FL"), Some(4155751));
        assert_eq!(
            g.division_by_name("GB", "Scotland").map(|d| d.geonameid),
            Some(2638360)
        );
        assert_eq!(g.division_by_name("US", "Scotland"), None);
        assert_eq!(g.division_by_name("MX", "México"), None);
        // A division with its weight and the centre of its towns, linked to its ISO code
        // through iso-codes' English name for it ("Bavaria" for "Bayern"); one that no name
        // links is kept under GeoNames' key.
        let bavaria = g.division("DE-BY").expect("GeoNames' Bavaria");
        assert_eq!(bavaria.geonameid, 2951839);
        assert!(bavaria.population > 1_000_000);
        let (longitude, latitude) = bavaria.point.expect("Bavaria has towns");
        assert!((9.0..14.0).contains(&longitude) && (47.0..51.0).contains(&latitude));
        assert_eq!(g.division("DE.06").map(|d| d.geonameid), Some(2862926));
        // No subdivision is two divisions: the city of Almaty is KZ-75, its province KZ-19.
        let mut codes: Vec<&str> = REGION_IDS
            .lines()
            .filter_map(|line| line.split('\t').next())
            .collect();
        let listed = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), listed);
        assert_eq!(g.division("KZ-75").map(|d| d.geonameid), Some(1526395));
        // A code's name is its GeoNames English name, not an alias listed after it.
        assert_eq!(g.country_name("US"), Some("United States"));
        assert_eq!(g.country_name("GB"), Some("United Kingdom"));
        assert_eq!(g.country_name("XX"), None);
        for (name, code) in g.country_names() {
            let english = g.country_name(code).expect("every listed code has a name");
            assert_eq!(g.country_code(english), Some(code), "{name}");
        }
    }

    #[test]
    fn a_city_is_looked_up_within_a_country() {
        let g = gazetteer();
        let in_country = |name, code| g.city_in_country(name, code).map(|c| c.country.as_str());
        assert_eq!(in_country("Paris", "US"), Some("US"));
        assert_eq!(in_country("Paris", "FR"), Some("FR"));
        assert_eq!(in_country("Valencia", "VE"), Some("VE"));
        assert_eq!(in_country("Havana", "ZM"), None);
        // Within France, the Paris of France, not a smaller namesake.
        let paris = g.city_in_country("Paris", "FR").expect("Paris");
        assert_eq!(paris.geonameid, 2988507);
    }
}
