// The area a map opens on when no box is asked for, from what was actually loaded:
// the command line and the window's Home use the same rule.
#pragma once

#include <vector>

#include "geo/projection.hpp"
#include "render/scene.hpp"
#include "render/time_data.hpp"

namespace chronomap::render {

// The projected extent of the events' positions and the links' endpoints (empty for
// none); points with no image in `projection` are left out.
geo::Extent data_extent(const EventSet& events, const std::vector<Link>& links, const geo::Projection& projection);

// The focus countries and Moscow when the boundaries hold them (the story chronomap
// tells, and what it has always opened on); otherwise everything loaded: the
// boundaries and `data` (data_extent of what is shown).
geo::Extent default_view_extent(const Scene& scene, const geo::Extent& data);

}  // namespace chronomap::render
