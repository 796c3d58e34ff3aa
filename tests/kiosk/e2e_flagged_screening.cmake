# End to end: the real kiosk binary under Xvfb (Mesa llvmpipe) plays a full flagged screening,
# saves its screenshots, and the submission must be in the database with severity "stop".
# Usage: cmake -DKIOSK=… -DKIOSK_STORE=… -DSCRIPT=… -DWORK=… -P e2e_flagged_screening.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(
  COMMAND xvfb-run -a -s "-screen 0 1080x1920x24" "${KIOSK}" --offer-drafts --database "${WORK}/kiosk.db"
          --screenshot "${WORK}/screenshots" --script "${SCRIPT}"
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "the kiosk failed (${code}):\n${out}\n${err}")
endif()
file(GLOB shots "${WORK}/screenshots/*.png")
list(LENGTH shots count)
if(count LESS 10)
  message(FATAL_ERROR "expected at least 10 screenshots, found ${count}")
endif()
execute_process(COMMAND "${KIOSK_STORE}" --db "${WORK}/kiosk.db" list --flagged OUTPUT_VARIABLE flagged RESULT_VARIABLE code)
if(NOT code EQUAL 0 OR NOT flagged MATCHES "^[A-Z0-9]+  stop  ")
  message(FATAL_ERROR "expected one flagged submission with severity stop, got:\n${flagged}")
endif()
message(STATUS "${count} screenshots in ${WORK}/screenshots; flagged: ${flagged}")
