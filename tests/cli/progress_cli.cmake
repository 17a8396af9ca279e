# `renewal progress` end to end (docs/progress.md): exit codes, one-line errors, JSON
# on stdout, and a journal left byte for byte as it was by every refused command.
file(MAKE_DIRECTORY ${WORK})
set(events ${SOURCE_DIR}/examples/progress/events.jsonl)
set(journal ${WORK}/city.journal)
file(REMOVE ${journal})

include(${CMAKE_CURRENT_LIST_DIR}/expect_run.cmake)

# A refused command leaves the journal as it was.
function(expect_unchanged)
  cmake_parse_arguments(R "" "RC;STDERR" "ARGS" ${ARGN})
  file(SHA256 ${journal} before)
  expect_run(ARGS ${R_ARGS} RC ${R_RC} STDERR "${R_STDERR}")
  file(SHA256 ${journal} after)
  if(NOT before STREQUAL after)
    message(FATAL_ERROR "renewal ${R_ARGS}: the journal changed")
  endif()
endfunction()

expect_run(ARGS progress --help RC 0 STDOUT "report JOURNAL --period")
expect_run(ARGS progress report --help RC 0 STDOUT "Example:.*progress report city.journal")
expect_run(ARGS progress import ${journal} ${events} RC 1 STDERR "city.journal")  # no journal yet
expect_run(ARGS progress init ${journal} --policy atlantis RC 1 STDERR "no guard preset named \"atlantis\"")
expect_run(ARGS progress init ${journal} --policy yueyang --json RC 0 STDOUT "\"action\":\"init\"")
expect_run(ARGS progress import ${journal} ${events} --json RC 0
           STDOUT "\"recorded\":21,\"events\":21,\"projects\":3")

# Bad input (issue 14 §5), each refused with the journal unchanged.
expect_unchanged(ARGS progress transition ${journal} --project YY-9 --stage application
                      --date 2024-03-01 RC 1 STDERR "project \"YY-9\": no such project")
expect_unchanged(ARGS progress transition ${journal} --project YY-2024-003 --stage review
                      --date 2024-03-01 RC 1 STDERR "review \\(审查\\) is out of order")
expect_unchanged(ARGS progress transition ${journal} --project YY-2024-002 --stage plan_vote
                      --date 2024-03-01 --evidence V-0201 RC 1
                 STDERR "vote \"V-0201\" did not pass and cannot be cited")
expect_unchanged(ARGS progress transition ${journal} --project YY-2024-002 --stage plan_vote
                      --date 2024-03-01 --evidence V-9 RC 1 STDERR "no evidence \"V-9\" was recorded")
# 岳阳 (seed 002): no 双2/3 vote cited, so the plan vote is refused naming it.
expect_unchanged(ARGS progress transition ${journal} --project YY-2024-002 --stage plan_vote
                      --date 2024-03-01 RC 1 STDERR "stage plan_vote.*双2/3以上业主签字同意的方案表决")
expect_unchanged(ARGS progress transition ${journal} --project YY-2024-001 --stage completed
                      --date 2024-03-10 RC 1 STDERR "date: 2024-03-10 is before the project's last event \\(2024-03-18\\)")
file(WRITE ${WORK}/negative.jsonl
     "{\"kind\":\"received\",\"project\":\"YY-2024-001\",\"date\":\"2024-04-01\",\"source\":\"city\",\"channel\":\"finance\",\"amount\":\"-10.00\"}\n")
expect_unchanged(ARGS progress import ${journal} ${WORK}/negative.jsonl RC 1
                 STDERR "negative.jsonl: line 1 amount: must be > 0, got -10.00")
file(WRITE ${WORK}/fraction.jsonl
     "{\"kind\":\"paid\",\"project\":\"YY-2024-001\",\"date\":\"2024-04-01\",\"source\":\"city\",\"channel\":\"finance\",\"instalment\":\"first\",\"amount\":\"10.005\"}\n")
expect_unchanged(ARGS progress import ${journal} ${WORK}/fraction.jsonl RC 1
                 STDERR "line 1 amount: money: expected yuan with at most two decimals")
# The second line fails: the first is not written either.
file(WRITE ${WORK}/half.jsonl
     "{\"kind\":\"transition\",\"project\":\"YY-2024-003\",\"date\":\"2024-04-01\",\"stage\":\"preliminary_plan\"}\n"
     "{\"kind\":\"transition\",\"project\":\"YY-2024-003\",\"date\":\"2024-04-02\",\"stage\":\"annual_plan\"}\n")
expect_unchanged(ARGS progress import ${journal} ${WORK}/half.jsonl RC 1 STDERR "event 2: ")
expect_run(ARGS progress report ${journal} --period 2024-3 RC 1 STDERR "period: expected 2024-03")
expect_run(ARGS progress report ${journal} --period cumulative RC 1 STDERR "needs the day it ends")
expect_run(ARGS progress frob ${journal} RC 2 STDERR "^renewal progress: ")
expect_run(ARGS progress export - RC 2 STDERR "cannot be \"-\"")

# Reports: 岳阳楼区 started its one estate (186 户) in March: 1 of 4 estates, 186 of 466 户.
expect_run(ARGS progress report ${journal} --period 2024-03 --json RC 0
           STDOUT "\"total\":{\"projects\":3,\"estates_planned\":4,\"households_planned\":466,\"estates_started\":1,\"households_started\":186")
expect_run(ARGS progress report ${journal} --period 2024-03 RC 0 STDOUT "岳阳楼区 +1 +186 +1 +100.00 +100.00 +\\+100.00")
expect_run(ARGS progress rank ${journal} --period 2024Q1 --json RC 0
           STDOUT "\"districts\":\\[{\"rank\":1,\"tied\":false,\"row\":{\"province\":\"湖南省\",\"city\":\"岳阳市\",\"district\":\"岳阳楼区\"")
expect_run(ARGS progress overdue ${journal} --limits started=30 --as-of 2024-04-30 --json RC 0
           STDOUT "\"project\":\"YY-2024-001\".*\"days\":50,\"limit_days\":30")
# The same reports in either language (issue 17): the period named in Chinese, the
# tables' headings and the summary wholly in the language asked for.
expect_run(ARGS progress report ${journal} --period 2024-03 RC 0 STDOUT "^2024年3月\n")
expect_run(ARGS progress report ${journal} --period 2024-03 --lang en RC 0
           STDOUT "^2024-03\n.*4 estates planned, 0.05 × 10,000 households; 1 started \\(start rate 25.00%\\)")
expect_run(ARGS progress rank ${journal} --period 2024Q1 RC 0 STDOUT "^2024年第1季度\n.*排序规则：")
expect_run(ARGS progress rank ${journal} --period 2024Q1 --lang en RC 0 STDOUT "^2024Q1\n.*order: by ")
expect_run(ARGS progress overdue ${journal} --limits started=30 --as-of 2024-04-30 RC 0
           STDOUT "1 个项目超期\n$")
expect_run(ARGS progress overdue ${journal} --limits started=30 --as-of 2024-04-30 --lang en RC 0
           STDOUT "YY-2024-001 .* started .*\n1 project overdue\n$")
expect_run(ARGS progress transition ${journal} --project YY-2024-003 --stage preliminary_plan
                --date 2024-04-01 RC 0 STDOUT "已记录 1 条事件")
expect_run(ARGS progress correct ${journal} --project YY-2024-003 --stage application
                --date 2024-04-02 --reason 方案缺少居民意见 RC 0 STDOUT "已记录 1 条事件")

# Export, then import into a new journal: the same events.
execute_process(COMMAND ${CLI} progress export ${journal} OUTPUT_FILE ${WORK}/exported.jsonl
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "progress export failed")
endif()
set(copy ${WORK}/copy.journal)
file(REMOVE ${copy})
expect_run(ARGS progress init ${copy} --policy yueyang RC 0)
expect_run(ARGS progress import ${copy} ${WORK}/exported.jsonl RC 0 STDOUT "23 条事件")
execute_process(COMMAND ${CLI} progress export ${copy} OUTPUT_FILE ${WORK}/again.jsonl)
file(SHA256 ${WORK}/exported.jsonl a)
file(SHA256 ${WORK}/again.jsonl b)
if(NOT a STREQUAL b)
  message(FATAL_ERROR "export -> import -> export changed the events")
endif()

# A flipped byte in the middle: DataLoss naming the record; nothing written.
file(READ ${journal} hex HEX)
string(LENGTH "${hex}" n)
math(EXPR mid "(${n} / 4) * 2")
string(SUBSTRING "${hex}" ${mid} 2 byte)
if(byte STREQUAL "00")
  set(flipped "01")
else()
  set(flipped "00")
endif()
math(EXPR after "${mid} + 2")
string(SUBSTRING "${hex}" 0 ${mid} head)
string(SUBSTRING "${hex}" ${after} -1 tail)
set(damaged ${WORK}/damaged.journal)
file(WRITE ${damaged} "")
# CMake writes bytes from hex with a short helper: one HEX line to binary.
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${head}${flipped}${tail}")
execute_process(COMMAND printf "${escaped}" OUTPUT_FILE ${damaged})
expect_run(ARGS progress report ${damaged} --period 2024 RC 1 STDERR "record")

# Seed 003 (《关于城镇老旧小区改造工作专题调研报告》): the text report prints the report's
# figures: 1233 个、16.68 万户; 759 个完工、惠及 11.2 万户、完成投资 15.5 亿元 (end of 2022);
# 15.76 亿元 (住建口 8.12、发改口 7.64) and 3.28 亿元 of special bonds (to April 2023).
execute_process(COMMAND ${SEED003} OUTPUT_FILE ${WORK}/seed003.jsonl RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "seed 003 events: exit ${rc}")
endif()
set(journal ${WORK}/seed003.journal)
file(REMOVE ${journal})
expect_run(ARGS progress init ${journal} RC 0)
expect_run(ARGS progress import ${journal} ${WORK}/seed003.jsonl RC 0 STDOUT "1233 个项目")
expect_run(ARGS progress report ${journal} --period cumulative --as-of 2022-12-31 --level city RC 0
           STDOUT "计划改造小区 1233 个、涉及居民 16.68 万户；已开工 759 个（开工率 61.56%）；已完工 759 个，惠及居民 11.20 万户；完成投资 15.50 亿元")
expect_run(ARGS progress report ${journal} --period cumulative --as-of 2023-04-30 --level city RC 0
           STDOUT "到位资金 19.04 亿元（住建口 8.12 亿元、发改口 7.64 亿元；其中专项债 3.28 亿元）")
