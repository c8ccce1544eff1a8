# Install the built tree into a scratch prefix, then build and run a consumer
# through pkg-config and through find_package(scs CONFIG).
# Inputs: SOURCE_DIR, BINARY_DIR, WORK_DIR, C_COMPILER, C_FLAGS, LINK_FLAGS,
# WITH_READERS (the library's SCS_WITH_READERS: scs-solve and zlib or not).
set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  message(STATUS "${out}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "command failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()

run(${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix})

file(GLOB_RECURSE pc_files ${prefix}/*/scs.pc)
list(LENGTH pc_files npc)
if(NOT npc EQUAL 1)
  message(FATAL_ERROR "expected one installed scs.pc, found: ${pc_files}")
endif()
get_filename_component(pc_dir ${pc_files} DIRECTORY)
get_filename_component(lib_dir ${pc_dir} DIRECTORY)
file(GLOB sonames ${lib_dir}/libscs.so.*)
if(NOT sonames)
  message(FATAL_ERROR "no versioned libscs.so.* installed in ${lib_dir}")
endif()
if(NOT EXISTS ${lib_dir}/libscs.a OR NOT EXISTS ${prefix}/include/scs/scs.h
   OR NOT EXISTS ${prefix}/include/scs/scs_types.h
   OR NOT EXISTS ${prefix}/include/scs/scs_io.h)
  message(FATAL_ERROR "libscs.a or headers missing under ${prefix}")
endif()
# scs-solve and zlib come with the readers only
file(READ ${pc_files} pc_text)
if(WITH_READERS)
  if(NOT EXISTS ${prefix}/bin/scs-solve OR NOT pc_text MATCHES "zlib")
    message(FATAL_ERROR "readers on: scs-solve or zlib in scs.pc missing")
  endif()
elseif(EXISTS ${prefix}/bin/scs-solve OR pc_text MATCHES "zlib")
  message(FATAL_ERROR "readers off: scs-solve installed or zlib in scs.pc")
endif()

# 1. pkg-config
set(ENV{PKG_CONFIG_PATH} ${pc_dir})
execute_process(COMMAND pkg-config --cflags --libs scs
  OUTPUT_VARIABLE pc_flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs scs failed")
endif()
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
separate_arguments(extra_c UNIX_COMMAND "${C_FLAGS}")
separate_arguments(extra_l UNIX_COMMAND "${LINK_FLAGS}")
run(${C_COMPILER} ${extra_c} ${SOURCE_DIR}/tests/install/consumer.c ${pc_flags}
    ${extra_l} -lm -o ${WORK_DIR}/consumer_pkgconfig)
set(ENV{LD_LIBRARY_PATH} ${lib_dir})
run(${WORK_DIR}/consumer_pkgconfig)

# 2. find_package(scs CONFIG)
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/install -B ${WORK_DIR}/cmake_build
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_C_COMPILER=${C_COMPILER}
    "-DCMAKE_C_FLAGS=${C_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/cmake_build)
run(${WORK_DIR}/cmake_build/consumer_cmake)
run(${WORK_DIR}/cmake_build/consumer_cmake_static)
