// chronomap_generate_acled N FILE [--new-place-per-row]: writes N ACLED-like event rows
// (deterministic: the same arguments give the same bytes) for the import benchmark.
// Columns and value forms are those of an ACLED export ("14 August 2025" dates,
// actors, admin areas, notes).
//
// Locations repeat as in a real export, where ACLED geocodes each event to a location
// of its own gazetteer and every event there carries the same name and point: a pool
// of N/20 locations (at least 50, at most 100,000), named from syllables, each in one
// country, admin1 and admin2, drawn with a long tail (a few towns hold many events).
// --new-place-per-row gives every row a point of its own instead (ten names across
// three countries at random points), the worst case for the store's gazetteer, which
// then learns a place for nearly every row; the benchmark passes before 2026-11-30's
// fourth used only this form.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace {

struct Lcg {
  std::uint64_t state;
  std::uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  }
  double unit() { return static_cast<double>(next()) / static_cast<double>(1ULL << 31); }
  template <std::size_t N>
  const char* pick(const char* const (&items)[N]) { return items[next() % N]; }
};

const char* const kTypes[] = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Protests",
                              "Strategic developments", "Riots"};
const char* const kSubTypes[] = {"Armed clash", "Attack", "Air/drone strike", "Peaceful protest", "Arrests",
                                 "Agreement", "Remote explosive/landmine/IED"};
const char* const kActors[] = {"Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and Muslims",
                               "Islamic State (Sahel)", "Wagner Group", "Civilians (Burkina Faso)",
                               "Military Forces of Niger (2023-)", "Protesters (Mali)"};
struct Country {
  const char* name;
  const char* iso;
  double lon0, lat0, lon1, lat1;
};
const Country kCountries[] = {{"Mali", "466", -12.0, 10.5, 4.0, 24.0},
                              {"Burkina Faso", "854", -5.2, 9.6, 2.2, 14.9},
                              {"Niger", "562", 0.5, 11.8, 15.5, 23.0}};
const char* const kPlaces[] = {"Bamako", "Gao", "Mopti", "Kidal", "Djibo", "Dori", "Tillaberi", "Diffa", "Menaka",
                               "Timbuktu"};
const char* const kSyllables[] = {"ba", "bou", "da", "di", "dja", "do", "ga", "go", "ka", "ki", "kou", "la",
                                  "ma", "me", "mo", "na", "ni", "ou", "sa", "se", "si", "ta", "ti", "to",
                                  "tes", "wa", "ya", "za", "zin", "fa", "gue", "hom"};

struct Location {
  std::string name;
  const Country* country;
  unsigned long admin1, admin2;
  double lon, lat;
  int precision;
};

std::vector<Location> make_locations(Lcg& random, std::size_t count) {
  std::vector<Location> pool;
  for (std::size_t j = 0; j < count; ++j) {
    const Country& c = kCountries[random.next() % 3];
    std::string name;
    if (j < std::size(kPlaces)) {
      name = kPlaces[j];
    } else {
      for (auto k = 2 + random.next() % 2; k-- > 0;) name += random.pick(kSyllables);
      name[0] = static_cast<char>(name[0] - 'a' + 'A');
    }
    const double lon = c.lon0 + (c.lon1 - c.lon0) * random.unit();
    const double lat = c.lat0 + (c.lat1 - c.lat0) * random.unit();
    const unsigned long admin1 = random.next() % 8;
    const unsigned long admin2 = random.next() % 40;
    pool.push_back({std::move(name), &c, admin1, admin2, lon, lat, 1 + static_cast<int>(random.next() % 3)});
  }
  return pool;
}

}  // namespace

int main(int argc, char** argv) {
  const bool new_place_per_row = argc == 4 && std::string_view(argv[3]) == "--new-place-per-row";
  if (argc != 3 && !new_place_per_row) {
    std::fprintf(stderr, "usage: chronomap_generate_acled N FILE [--new-place-per-row]\n");
    return 2;
  }
  const long n = std::atol(argv[1]);
  std::FILE* out = std::fopen(argv[2], "wb");
  if (n < 0 || out == nullptr) {
    std::fprintf(stderr, "chronomap_generate_acled: cannot write %s\n", argv[2]);
    return 1;
  }
  std::fputs("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
             "assoc_actor_1,actor2,assoc_actor_2,country,iso,admin1,admin2,location,latitude,longitude,"
             "geo_precision,source,notes,fatalities\n",
             out);
  Lcg random{2025};
  const chronomap::DayNumber first = chronomap::to_day_number({2018, 1, 1});
  const auto pool = new_place_per_row ? std::vector<Location>{}
                                      : make_locations(random, static_cast<std::size_t>(std::clamp<long>(n / 20, 50, 100000)));
  for (long i = 0; i < n; ++i) {
    // The random numbers are drawn in the order of the generator before locations
    // repeated, so --new-place-per-row writes the same bytes as it did.
    Location at;
    if (new_place_per_row) {
      at.country = &kCountries[random.next() % 3];
    } else {
      const double u = random.unit();  // squared: the first locations are drawn most often
      at = pool[static_cast<std::size_t>(u * u * static_cast<double>(pool.size()))];
    }
    const Country& c = *at.country;
    const auto day = chronomap::from_day_number(first + static_cast<chronomap::DayNumber>(random.next() % 2900));
    if (new_place_per_row) {
      at.lon = c.lon0 + (c.lon1 - c.lon0) * random.unit();
      at.lat = c.lat0 + (c.lat1 - c.lat0) * random.unit();
      at.name = random.pick(kPlaces);
    }
    const char* place = at.name.c_str();
    std::fprintf(out,
                 "%.3s%ld,%s,%d,%d,Political violence,%s,%s,%s,,%s,,%s,%s,Region %lu,Cercle %lu,%s,%.4f,%.4f,%d,"
                 "Local sources,\"Near %s, an event of type %s was reported; details withheld, \"\"see source\"\".\",%lu\n",
                 c.name, i + 1, chronomap::format_long(day).c_str(), day.year, 1 + static_cast<int>(random.next() % 3),
                 random.pick(kTypes), random.pick(kSubTypes), random.pick(kActors), random.pick(kActors), c.name, c.iso,
                 new_place_per_row ? random.next() % 8 : at.admin1, new_place_per_row ? random.next() % 40 : at.admin2,
                 place, at.lat, at.lon, new_place_per_row ? 1 + static_cast<int>(random.next() % 3) : at.precision, place,
                 random.pick(kTypes), random.next() % 4 == 0 ? random.next() % 30 : 0);
  }
  return std::fclose(out) == 0 ? 0 : 1;
}
