# End to end: kiosk-content preview --png, as an editor runs it with no display: it starts its own
# Xvfb, draws every patient screen of two locales (left to right and right to left) through the
# kiosk's program, and writes index.html. Checks the pictures' count and size and the sheet's rows.
# Usage: cmake -DTOOL=… -DBUNDLE=… -DWORK=… -P e2e_preview_pictures.cmake
file(REMOVE_RECURSE "${WORK}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY "${TOOL}" preview --png "${WORK}" --bundle "${BUNDLE}" --locale en ar --size 1920x1080
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "preview failed (${code}):\n${out}\n${err}")
endif()
if(NOT out MATCHES "^bundle: [^\n]+\n77 pictures in ")
  message(FATAL_ERROR "expected the bundle line, then 77 pictures (39 en with out of service, 38 ar: welcome, 9 pages, 20 questions, review, 5 results, urgent, idle):\n${out}")
endif()
file(GLOB en "${WORK}/1920x1080/en/*.png")
file(GLOB ar "${WORK}/1920x1080/ar/*.png")
list(LENGTH en en_count)
list(LENGTH ar ar_count)
if(NOT en_count EQUAL 39 OR NOT ar_count EQUAL 38)
  message(FATAL_ERROR "expected 39 English and 38 Arabic pictures, found ${en_count} and ${ar_count}")
endif()
# A real PNG of the size asked for: width and height in the IHDR chunk.
file(READ "${WORK}/1920x1080/ar/question-pregnant.png" header LIMIT 24 HEX)
if(NOT header MATCHES "^89504e470d0a1a0a0000000d49484452000007800000043[8]")
  message(FATAL_ERROR "not a 1920x1080 PNG: ${header}")
endif()
file(READ "${WORK}/index.html" sheet)
foreach(expected "<th class=\"screen\">question:pregnant</th>" "src=\"1920x1080/ar/question-pregnant.png\"" "<th>ar</th>"
                 "<th class=\"screen\">out-of-service</th>" "<h2>1920x1080</h2>")
  string(FIND "${sheet}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "index.html lacks ${expected}")
  endif()
endforeach()
