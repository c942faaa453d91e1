// A small reading of Markdown for texts shipped with chronomap (geodata/ATTRIBUTION.md
// in Help > About): headings, paragraphs, bullets, block quotes and pipe tables, with
// inline code, emphasis and links reduced to text and link spans. No ImGui here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chronomap::ui {

// A run of text inside a block; `url` is set for a link ([text](url) or a bare
// http(s) address).
struct MarkdownSpan {
  std::string text;
  std::string url;
  bool code = false;  // `code`
};

struct MarkdownBlock {
  enum class Kind { heading, paragraph, bullet, quote, table };
  Kind kind = Kind::paragraph;
  int level = 0;  // heading: 1 for #; bullet: nesting depth from 0
  std::vector<MarkdownSpan> spans;                      // everything but tables
  std::vector<std::vector<std::vector<MarkdownSpan>>> rows;  // tables: rows of cells, the header first
};

// Lines that continue a paragraph, bullet or quote are joined with spaces; a blank
// line ends a block. Anything unrecognised is a paragraph.
std::vector<MarkdownBlock> parse_markdown(std::string_view text);

// The inline parts of one line or cell: `code`, **strong** and *emphasis* (markers
// dropped), [text](url) and bare http(s) addresses as links.
std::vector<MarkdownSpan> parse_inline(std::string_view text);

}  // namespace chronomap::ui
