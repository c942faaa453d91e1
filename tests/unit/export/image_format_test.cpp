// Image files as a user's other tools read them: paper sizes in pixels, the PNG's
// resolution and text chunks read back with libpng, the JPEG's quality, density and
// comment read back with libjpeg, and the GeoTIFF placed by GDAL where the camera put
// the map.
#include "export/image_format.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <jpeglib.h>
#include <ogr_spatialref.h>
#include <png.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "export/print_size.hpp"
#include "geo/gdal_init.hpp"
#include "geo/projection.hpp"

namespace chronomap {
namespace {

namespace fs = std::filesystem;
using exporting::ImageFormat;

class ImageFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chronomap-image-format-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A 64x40 picture with a different colour in each quarter, so rows and columns that
  // came out swapped or shifted show.
  static Image quarters() {
    Image image(64, 40);
    for (int y = 0; y < 40; ++y) {
      for (int x = 0; x < 64; ++x) {
        const auto r = static_cast<std::uint8_t>(x < 32 ? 200 : 30),
                   g = static_cast<std::uint8_t>(y < 20 ? 180 : 40);
        image.set_pixel(x, y, {r, g, 90, 255});
      }
    }
    return image;
  }

  fs::path dir_;
};

TEST(PrintSize, PapersInPixelsAtTheirResolution) {
  const auto a4 = exporting::find_paper("a4");
  ASSERT_TRUE(a4);
  EXPECT_EQ(exporting::paper_pixels(*a4, false, 300).width, 2480);
  EXPECT_EQ(exporting::paper_pixels(*a4, false, 300).height, 3508);
  EXPECT_EQ(exporting::paper_pixels(*a4, true, 300).width, 3508);
  EXPECT_EQ(exporting::paper_pixels(*a4, true, 300).height, 2480);
  const auto letter = exporting::find_paper("Letter");
  ASSERT_TRUE(letter);
  EXPECT_EQ(exporting::paper_pixels(*letter, false, 300).width, 2550);   // 8.5 in
  EXPECT_EQ(exporting::paper_pixels(*letter, false, 300).height, 3300);  // 11 in
  EXPECT_EQ(exporting::paper_pixels(*exporting::find_paper("A3"), false, 150).height, 2480);
  EXPECT_EQ(exporting::paper_pixels(*exporting::find_paper("A5"), false, 300).width, 1748);
  EXPECT_FALSE(exporting::find_paper("B4"));
  // The design unit: 96 dpi draws at scale 1, 300 dpi at 3.125.
  EXPECT_FLOAT_EQ(exporting::scale_for_dpi(96), 1.0f);
  EXPECT_FLOAT_EQ(exporting::scale_for_dpi(300), 3.125f);
}

TEST(ImageFormat, ChosenByExtensionOrFormat) {
  EXPECT_EQ(exporting::image_format_for("map.PNG", "--out"), ImageFormat::png);
  EXPECT_EQ(exporting::image_format_for("map.jpeg", "--out"), ImageFormat::jpeg);
  EXPECT_EQ(exporting::image_format_for("map.JPG", "--out"), ImageFormat::jpeg);
  EXPECT_EQ(exporting::image_format_for("map.tiff", "--out"), ImageFormat::geotiff);
  EXPECT_EQ(exporting::image_format_for("map", "--out", ImageFormat::jpeg), ImageFormat::jpeg);
  EXPECT_EQ(exporting::parse_image_format("GeoTIFF", "--format"), ImageFormat::geotiff);
  EXPECT_EQ(exporting::parse_image_format("jpg", "--format"), ImageFormat::jpeg);
  EXPECT_THROW((void)exporting::image_format_for("map.png", "--out", ImageFormat::jpeg), UsageError);
  // PDF and SVG are vector pages, by extension or --format.
  EXPECT_EQ(exporting::image_format_for("map.PDF", "--out"), ImageFormat::pdf);
  EXPECT_EQ(exporting::image_format_for("map", "--out", ImageFormat::svg), ImageFormat::svg);
  EXPECT_EQ(exporting::parse_image_format("svg", "--format"), ImageFormat::svg);
  EXPECT_TRUE(exporting::is_vector_format(ImageFormat::pdf));
  EXPECT_FALSE(exporting::is_vector_format(ImageFormat::png));
  EXPECT_EQ(exporting::parse_image_format("GIF", "--format"), ImageFormat::gif);
  EXPECT_EQ(exporting::image_format_for("story.WebM", "--out"), ImageFormat::webm);
  EXPECT_TRUE(exporting::is_animation(exporting::image_format_for("story.mp4", "--out")));
  EXPECT_FALSE(exporting::is_animation(ImageFormat::png));
  EXPECT_THROW((void)exporting::parse_image_format("avi", "--format"), UsageError);
  try {
    (void)exporting::image_format_for("map.bmp", "--out");
    FAIL() << "a .bmp was accepted";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("supported: .png, .jpg, .jpeg, .tif, .tiff, .pdf, .svg, .gif, .mp4, .webm"),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find(".pdf, .svg"), std::string::npos) << e.what();
  }
}

// The PNG's pHYs and text chunks, as libpng reads them.
struct PngInfo {
  png_uint_32 res_x = 0, res_y = 0;
  int unit = -1;
  std::map<std::string, std::string> text;
};

PngInfo read_png_info(const fs::path& path) {
  PngInfo out;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return out;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png)) == 0) {
    png_init_io(png, file);
    png_read_info(png, info);
    png_get_pHYs(png, info, &out.res_x, &out.res_y, &out.unit);
    png_textp text = nullptr;
    const int count = png_get_text(png, info, &text, nullptr);
    for (int i = 0; i < count; ++i) out.text[text[i].key] = text[i].text;
  }
  png_destroy_read_struct(&png, &info, nullptr);
  std::fclose(file);
  return out;
}

TEST_F(ImageFiles, PngCarriesItsResolutionAndText) {
  exporting::ImageMetadata metadata;
  metadata.dpi = 300;
  metadata.text = {{"Title", "Sahel — août 2025"}, {"Software", "chronomap test"}};
  exporting::write_image(dir_ / "m.png", quarters(), metadata);
  PngInfo info = read_png_info(dir_ / "m.png");
  EXPECT_EQ(info.unit, PNG_RESOLUTION_METER);
  EXPECT_EQ(info.res_x, 11811u);  // 300 / 0.0254
  EXPECT_EQ(info.res_y, 11811u);
  EXPECT_EQ(info.text["Title"], "Sahel — août 2025");  // UTF-8 kept (an iTXt chunk)
  EXPECT_EQ(info.text["Software"], "chronomap test");
  EXPECT_EQ(read_png(dir_ / "m.png").pixel(40, 30), (Rgba{30, 40, 90, 255}));
}

// A JPEG as libjpeg reads it: size, density and the comment.
struct JpegInfo {
  int width = 0, height = 0, density_unit = -1, density = 0;
  std::string comment;
};

JpegInfo read_jpeg_info(const fs::path& path) {
  JpegInfo out;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return out;
  jpeg_decompress_struct cinfo{};
  jpeg_error_mgr errors{};
  cinfo.err = jpeg_std_error(&errors);  // a broken file exits the test: it must not be broken
  jpeg_create_decompress(&cinfo);
  jpeg_stdio_src(&cinfo, file);
  jpeg_save_markers(&cinfo, JPEG_COM, 0xffff);
  jpeg_read_header(&cinfo, TRUE);
  out.width = static_cast<int>(cinfo.image_width);
  out.height = static_cast<int>(cinfo.image_height);
  out.density_unit = cinfo.density_unit;
  out.density = cinfo.X_density;
  for (auto* m = cinfo.marker_list; m != nullptr; m = m->next) {
    if (m->marker == JPEG_COM) out.comment.assign(reinterpret_cast<const char*>(m->data), m->data_length);
  }
  jpeg_destroy_decompress(&cinfo);
  std::fclose(file);
  return out;
}

TEST_F(ImageFiles, JpegHasItsQualityDensityAndComment) {
  exporting::ImageMetadata metadata;
  metadata.dpi = 150;
  metadata.text = {{"Description", "Events of 14 August 2025"}};
  metadata.jpeg_quality = 95;
  exporting::write_image(dir_ / "fine.jpg", quarters(), metadata);
  metadata.jpeg_quality = 5;
  exporting::write_image(dir_ / "coarse.jpg", quarters(), metadata);
  const JpegInfo info = read_jpeg_info(dir_ / "fine.jpg");
  EXPECT_EQ(info.width, 64);
  EXPECT_EQ(info.height, 40);
  EXPECT_EQ(info.density_unit, 1);  // dots per inch
  EXPECT_EQ(info.density, 150);
  EXPECT_EQ(info.comment, "Description: Events of 14 August 2025\n");
  EXPECT_LT(fs::file_size(dir_ / "coarse.jpg"), fs::file_size(dir_ / "fine.jpg"));
  // The colours survive at a high quality (stb_image decodes JPEG too).
  const Rgba c = read_png(dir_ / "fine.jpg").pixel(10, 30);
  EXPECT_NEAR(c.r, 200, 6);
  EXPECT_NEAR(c.g, 40, 6);
  EXPECT_NEAR(c.b, 90, 6);
  metadata.jpeg_quality = 101;
  EXPECT_THROW(exporting::write_image(dir_ / "bad.jpg", quarters(), metadata), UsageError);
  EXPECT_FALSE(fs::exists(dir_ / "bad.jpg"));
}

TEST_F(ImageFiles, GeoTiffIsPlacedWhereTheCameraDrewTheMap) {
  const geo::Projection projection(geo::kDefaultProjection);
  render::Camera camera;
  camera.center = {-512345.5, 1234567.25};
  camera.units_per_pixel_x = camera.units_per_pixel_y = 2500.0;
  exporting::ImageMetadata metadata;
  metadata.georeference = exporting::georeference(camera, 64, 40, projection);
  metadata.dpi = 300;
  metadata.text = {{"Description", "Events of 14 August 2025"}};
  exporting::write_image(dir_ / "m.tif", quarters(), metadata);

  geo::ensure_gdal_registered();
  std::unique_ptr<GDALDataset> dataset(GDALDataset::Open((dir_ / "m.tif").c_str(), GDAL_OF_RASTER));
  ASSERT_TRUE(dataset);
  EXPECT_STREQ(dataset->GetDriver()->GetDescription(), "GTiff");
  EXPECT_EQ(dataset->GetRasterXSize(), 64);
  EXPECT_EQ(dataset->GetRasterYSize(), 40);
  ASSERT_EQ(dataset->GetRasterCount(), 4);
  EXPECT_EQ(dataset->GetRasterBand(4)->GetColorInterpretation(), GCI_AlphaBand);
  EXPECT_STREQ(dataset->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE"), "DEFLATE");
  EXPECT_STREQ(dataset->GetMetadataItem("TIFFTAG_IMAGEDESCRIPTION"), "Events of 14 August 2025");

  // The CRS is the map's.
  const OGRSpatialReference* crs = dataset->GetSpatialRef();
  ASSERT_NE(crs, nullptr);
  OGRSpatialReference expected;
  ASSERT_EQ(expected.importFromWkt(projection.wkt().c_str()), OGRERR_NONE);
  EXPECT_TRUE(crs->IsSame(&expected));

  // The corners are the view's: the top left at centre - half the image, the bottom
  // right at centre + half, in projected metres.
  double g[6] = {};
  ASSERT_EQ(dataset->GetGeoTransform(g), CE_None);
  EXPECT_DOUBLE_EQ(g[0], -512345.5 - 32 * 2500.0);
  EXPECT_DOUBLE_EQ(g[3], 1234567.25 + 20 * 2500.0);
  EXPECT_DOUBLE_EQ(g[1], 2500.0);
  EXPECT_DOUBLE_EQ(g[5], -2500.0);
  EXPECT_EQ(g[2], 0.0);
  EXPECT_EQ(g[4], 0.0);
  EXPECT_DOUBLE_EQ(g[0] + 64 * g[1], -512345.5 + 32 * 2500.0);
  EXPECT_DOUBLE_EQ(g[3] + 40 * g[5], 1234567.25 - 20 * 2500.0);

  // The pixels are the image's: the bottom right quarter.
  std::uint8_t rgba[4] = {};
  ASSERT_EQ(dataset->RasterIO(GF_Read, 40, 30, 1, 1, rgba, 1, 1, GDT_Byte, 4, nullptr, 4, 4, 1, nullptr),
            CE_None);
  EXPECT_EQ((Rgba{rgba[0], rgba[1], rgba[2], rgba[3]}), (Rgba{30, 40, 90, 255}));
}

TEST_F(ImageFiles, GeoTiffWithoutAPlaceIsRefused) {
  EXPECT_THROW(exporting::write_image(dir_ / "m.tif", quarters()), UsageError);
  EXPECT_FALSE(fs::exists(dir_ / "m.tif"));
}

}  // namespace
}  // namespace chronomap
