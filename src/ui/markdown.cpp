// Block and inline reading of the Markdown subset in markdown.hpp.
#include "ui/markdown.hpp"

#include <algorithm>

namespace chronomap::ui {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void add_text(std::vector<MarkdownSpan>& spans, std::string_view text) {
  if (text.empty()) return;
  if (!spans.empty() && spans.back().url.empty() && !spans.back().code) {
    spans.back().text += text;
  } else {
    spans.push_back({std::string(text), {}, false});
  }
}

// The cells of a pipe-table row, without the outer pipes.
std::vector<std::string_view> cells_of(std::string_view row) {
  row = trim(row);
  if (!row.empty() && row.front() == '|') row.remove_prefix(1);
  if (!row.empty() && row.back() == '|') row.remove_suffix(1);
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  bool in_code = false;
  for (std::size_t i = 0; i <= row.size(); ++i) {
    if (i < row.size() && row[i] == '`') in_code = !in_code;
    if (i == row.size() || (row[i] == '|' && !in_code)) {
      cells.push_back(trim(row.substr(start, i - start)));
      start = i + 1;
    }
  }
  return cells;
}

bool is_separator_row(const std::vector<std::string_view>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](std::string_view c) {
    return !c.empty() && c.find_first_not_of("-: ") == std::string_view::npos;
  });
}

}  // namespace

std::vector<MarkdownSpan> parse_inline(std::string_view text) {
  std::vector<MarkdownSpan> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::string_view rest = text.substr(i);
    if (rest.front() == '`') {
      if (const auto close = rest.find('`', 1); close != std::string_view::npos) {
        spans.push_back({std::string(rest.substr(1, close - 1)), {}, true});
        i += close + 1;
        continue;
      }
    }
    if (rest.starts_with("**")) {
      i += 2;
      continue;
    }
    if (rest.front() == '[') {
      const auto middle = rest.find("](");
      const auto close = middle == std::string_view::npos ? middle : rest.find(')', middle + 2);
      if (close != std::string_view::npos && rest.substr(0, middle).find('\n') == std::string_view::npos) {
        spans.push_back({std::string(rest.substr(1, middle - 1)), std::string(rest.substr(middle + 2, close - middle - 2)),
                         false});
        i += close + 1;
        continue;
      }
    }
    if (rest.starts_with("http://") || rest.starts_with("https://")) {
      std::size_t end = rest.find_first_of(" \t\n)>|");
      if (end == std::string_view::npos) end = rest.size();
      while (end > 0 && (rest[end - 1] == '.' || rest[end - 1] == ',' || rest[end - 1] == ';')) --end;
      spans.push_back({std::string(rest.substr(0, end)), std::string(rest.substr(0, end)), false});
      i += end;
      continue;
    }
    // Plain text up to the next character that may start something else.
    std::size_t next = rest.find_first_of("`*[h", 1);
    if (next == std::string_view::npos) next = rest.size();
    add_text(spans, rest.substr(0, next));
    i += next;
  }
  return spans;
}

std::vector<MarkdownBlock> parse_markdown(std::string_view text) {
  std::vector<MarkdownBlock> blocks;
  MarkdownBlock current;
  std::string raw;  // the current block's text, lines joined
  bool open = false;
  const auto flush = [&] {
    if (open && current.kind != MarkdownBlock::Kind::table) current.spans = parse_inline(raw);
    if (open) blocks.push_back(std::move(current));
    current = {};
    raw.clear();
    open = false;
  };
  const auto start = [&](MarkdownBlock::Kind kind, int level, std::string_view first) {
    flush();
    current.kind = kind;
    current.level = level;
    raw = first;
    open = true;
  };
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    const std::string_view body = trim(line);
    const auto indent = static_cast<int>(line.find_first_not_of(" \t") == std::string_view::npos
                                             ? 0
                                             : line.find_first_not_of(" \t"));
    if (body.empty()) {
      flush();
    } else if (body.front() == '#') {
      const auto level = static_cast<int>(std::min(body.find_first_not_of('#'), body.size()));
      start(MarkdownBlock::Kind::heading, level, trim(body.substr(static_cast<std::size_t>(level))));
    } else if (body.front() == '|') {
      const auto cells = cells_of(body);
      if (!open || current.kind != MarkdownBlock::Kind::table) start(MarkdownBlock::Kind::table, 0, {});
      if (is_separator_row(cells)) continue;
      auto& row = current.rows.emplace_back();
      for (const auto cell : cells) row.push_back(parse_inline(cell));
    } else if ((body.starts_with("- ") || body.starts_with("* ") || body.starts_with("+ ")) ) {
      start(MarkdownBlock::Kind::bullet, indent / 2, trim(body.substr(2)));
    } else if (body.front() == '>') {
      const std::string_view quoted = trim(body.substr(1));
      if (quoted.empty()) {
        flush();  // a paragraph break inside the quote
      } else if (open && current.kind == MarkdownBlock::Kind::quote) {
        raw += ' ';
        raw += quoted;
      } else {
        start(MarkdownBlock::Kind::quote, 0, quoted);
      }
    } else if (open && current.kind != MarkdownBlock::Kind::table && current.kind != MarkdownBlock::Kind::heading &&
               current.kind != MarkdownBlock::Kind::quote) {
      raw += ' ';
      raw += body;
    } else {
      start(MarkdownBlock::Kind::paragraph, 0, body);
    }
    if (end == text.size()) break;
  }
  flush();
  return blocks;
}

}  // namespace chronomap::ui
