# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# ATOMICGEN_CHECKED_IN_OUTPUTS on a copy of examples/cpython-like (see CMakeLists.txt here).
#
#   cmake -DWORK_DIR=<scratch> -DATOMICGEN_SOURCE_DIR=<repo> -DATOMICGEN_EXECUTABLE=<helper>
#         -DNINJA=<ninja> -DPYTHON=<python3> -P CpythonLikeCheckedIn.cmake
cmake_minimum_required(VERSION 3.25)
include("${CMAKE_CURRENT_LIST_DIR}/../DriverLib.cmake")
agdriver_require(CpythonLikeCheckedIn.cmake WORK_DIR ATOMICGEN_SOURCE_DIR ATOMICGEN_EXECUTABLE NINJA
    PYTHON)
agdriver_forget_caller_environment()

set(src "${WORK_DIR}/src")
set(tag "[checked-in.cpython-like]")

# internal: run a command; stop with its output unless it exits with <expected> ("0" or "nonzero").
function(run expected)
  list(JOIN ARGN " " shown)
  message("${tag} $ ${shown}")
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE result)
  if((expected STREQUAL "0" AND NOT result EQUAL 0)
      OR (expected STREQUAL "nonzero" AND result EQUAL 0))
    message(FATAL_ERROR "${tag} FAILED: `${shown}` exited with ${result}, expected ${expected}:\n"
      "${out}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

# internal: stop unless <text> matches <regex>.
function(expect text regex what)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${tag} FAILED: ${what}: no match for /${regex}/ in:\n${text}")
  endif()
  message("${tag} ok: ${what}")
endfunction()

# internal: set <var> to "<file> <mtime>\n" for every checked-in generated file of the example,
# with a hash of its bytes.
function(snapshot var)
  file(GLOB files "${src}/Modules/clinic/*.c.h")
  list(APPEND files "${src}/Include/opcode.h" "${src}/Include/internal/pycore_ast.h"
    "${src}/Python/Python-ast.c" "${src}/Python/frozen.h" "${src}/Modules/_abc.c")
  set(text "")
  foreach(file IN LISTS files)
    file(TIMESTAMP "${file}" mtime "%s%f")
    file(SHA256 "${file}" hash)
    string(APPEND text "${file} ${mtime} ${hash}\n")
  endforeach()
  set(${var} "${text}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY "${ATOMICGEN_SOURCE_DIR}/examples/cpython-like/" DESTINATION "${src}")
set(configure_args -S "${src}" -G Ninja "-DCMAKE_MAKE_PROGRAM=${NINJA}"
  "-DPython3_EXECUTABLE=${PYTHON}" "-DATOMICGEN_EXECUTABLE=${ATOMICGEN_EXECUTABLE}"
  "-DCPYTHON_LIKE_ATOMICGEN_ROOT=${ATOMICGEN_SOURCE_DIR}")

# verify, unmodified tree: every generator runs, compares, writes nothing; the build passes.
set(verify "${WORK_DIR}/build-verify")
snapshot(shipped)
run(0 "${CMAKE_COMMAND}" ${configure_args} -B "${verify}" -DATOMICGEN_CHECKED_IN_OUTPUTS=verify)
expect("${out}" "AtomicGen: checked-in outputs: verify" "verify: configuring says the mode")
run(0 "${NINJA}" -C "${verify}" regen-all all)
expect("${out}" "Verifying [^\n]*Modules/clinic/_abc.c.h" "verify: the clinic step verified")
snapshot(after)
if(NOT after STREQUAL shipped)
  message(FATAL_ERROR "${tag} FAILED: verify wrote the tree:\nbefore:\n${shipped}\nafter:\n${after}")
endif()
message("${tag} ok: verify, unmodified tree: passes, nothing written")
run(0 "${NINJA}" -C "${verify}" atomicgen-verify)
message("${tag} ok: atomicgen-verify, unmodified tree: passes")

# A clinic input edited (a docstring), not regenerated: the build fails with the diff.
file(READ "${src}/Modules/_abc.c" abc)
string(REPLACE "When value entry given in a." "When value entry given in a (edited)." edited "${abc}")
if(edited STREQUAL abc)
  message(FATAL_ERROR "${tag} FAILED: the docstring to edit is not in Modules/_abc.c")
endif()
file(WRITE "${src}/Modules/_abc.c" "${edited}")
snapshot(edited_tree)
run(nonzero "${NINJA}" -C "${verify}" regen-all)
expect("${out}" "--- a/Modules/clinic/_abc.c.h\n\\+\\+\\+ b/Modules/clinic/_abc.c.h\n@@ "
  "verify, edited clinic input: the diff names Modules/clinic/_abc.c.h")
expect("${out}" "\n\\+[^\n]*When value entry given in a \\(edited\\)\\." "verify: the diff shows the edit")
# (atomicgen-verify first builds _freeze_module, the generator of regen-importlib, which links pycore,
# a consumer of the clinic headers: here that build's verification of clinic fails first.)
run(nonzero "${NINJA}" -C "${verify}" atomicgen-verify)
expect("${out}" "--- a/Modules/clinic/_abc.c.h\n" "atomicgen-verify, edited: the diff names the header")
snapshot(after)
if(NOT after STREQUAL edited_tree)
  message(FATAL_ERROR "${tag} FAILED: verify wrote the tree:\nbefore:\n${edited_tree}\nafter:\n${after}")
endif()
message("${tag} ok: verify, edited clinic input: the tree unchanged")

# keep (the edit still there): the build runs no generator of a checked-in output.
set(keep "${WORK_DIR}/build-keep")
run(0 "${CMAKE_COMMAND}" ${configure_args} -B "${keep}" -DATOMICGEN_CHECKED_IN_OUTPUTS=keep)
expect("${out}" "AtomicGen: checked-in outputs: keep" "keep: configuring says the mode")
run(0 "${NINJA}" -C "${keep}" -v regen-all all)
if(out MATCHES "atomicgen run|clinic.py|generate_opcode_h.py|asdl_c.py|_freeze_module [^\n]*frozen.h")
  message(FATAL_ERROR "${tag} FAILED: keep ran a generator (\"${CMAKE_MATCH_0}\"):\n${out}")
endif()
expect("${out}" "-E touch [^\n]*/atomicgen.stamps/clinic.done" "keep: the clinic step only touched its stamp")
snapshot(after)
if(NOT after STREQUAL edited_tree)
  message(FATAL_ERROR "${tag} FAILED: keep wrote the tree:\nbefore:\n${edited_tree}\nafter:\n${after}")
endif()
run(0 "${keep}/python" --selftest)
message("${tag} ok: keep: no generator ran, the tree unchanged, python built from the shipped files")
message("${tag} PASSED")
