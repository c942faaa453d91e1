// JPEG output through libjpeg (Debian's libjpeg-turbo): lossy, small, for slides and
// the web. Rows are compressed as they come, like the PNG writer's.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <span>

#include "core/image.hpp"

namespace chronomap::exporting {

// Writes a JPEG of `quality` (1-100) atomically; `produce` hands the sink all
// `height` rows, top first (alpha is dropped: a map is opaque). `dpi`, when known,
// goes into the JFIF header; `text` into one comment marker, a "Keyword: text" line
// each. Throws chronomap::Error naming the file on failure.
void write_jpeg_rows(const std::filesystem::path& path, int width, int height,
                     const std::function<void(const RowSink&)>& produce, int quality,
                     std::optional<double> dpi, std::span<const ImageText> text);

}  // namespace chronomap::exporting
