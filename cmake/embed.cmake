# chronomap_embed(TARGET NAME FILES...) compiles the given files into TARGET as a
# table of named byte arrays, chronomap::embedded_<name>(); find_embedded() looks one up.
# Shaders and the label font travel inside the binary, so it runs from any directory.
set(CHRONOMAP_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake")

function(chronomap_embed target name)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${name}_embedded.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DOUT=${out}" "-DNAME=${name}" "-DFILES=${ARGN}" -P "${CHRONOMAP_EMBED_SCRIPT}"
    DEPENDS ${ARGN} "${CHRONOMAP_EMBED_SCRIPT}"
    COMMENT "Embedding ${name} resources"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
  # Each generated file names its arrays alike (data_0, ...), and a big array of bytes
  # gains nothing from a unity build: compiled on its own.
  set_source_files_properties("${out}" PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
