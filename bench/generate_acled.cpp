// chronomap_generate_acled N FILE: writes N ACLED-like event rows (deterministic: the
// same N gives the same bytes) for the import benchmark. Columns and value forms are
// those of an ACLED export ("14 August 2025" dates, actors, admin areas, notes).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: chronomap_generate_acled N FILE\n");
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
  for (long i = 0; i < n; ++i) {
    const Country& c = kCountries[random.next() % 3];
    const auto day = chronomap::from_day_number(first + static_cast<chronomap::DayNumber>(random.next() % 2900));
    const double lon = c.lon0 + (c.lon1 - c.lon0) * random.unit();
    const double lat = c.lat0 + (c.lat1 - c.lat0) * random.unit();
    const char* place = random.pick(kPlaces);
    std::fprintf(out,
                 "%.3s%ld,%s,%d,%d,Political violence,%s,%s,%s,,%s,,%s,%s,Region %lu,Cercle %lu,%s,%.4f,%.4f,%d,"
                 "Local sources,\"Near %s, an event of type %s was reported; details withheld, \"\"see source\"\".\",%lu\n",
                 c.name, i + 1, chronomap::format_long(day).c_str(), day.year, 1 + static_cast<int>(random.next() % 3),
                 random.pick(kTypes), random.pick(kSubTypes), random.pick(kActors), random.pick(kActors), c.name, c.iso,
                 random.next() % 8, random.next() % 40, place, lat, lon, 1 + static_cast<int>(random.next() % 3), place,
                 random.pick(kTypes), random.next() % 4 == 0 ? random.next() % 30 : 0);
  }
  return std::fclose(out) == 0 ? 0 : 1;
}
