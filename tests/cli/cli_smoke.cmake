# The CLI end to end: exit codes, the one-line error on stderr, JSON on stdout.
file(MAKE_DIRECTORY ${WORK})
set(tiny ${SOURCE_DIR}/tests/data/tiny_city.json)

include(${CMAKE_CURRENT_LIST_DIR}/expect_run.cmake)

expect_run(ARGS validate ${tiny} --year 2026 --json RC 0
           STDOUT "\"valid\":true,\"districts\":2,\"streets\":1,\"estates\":2")
expect_run(ARGS validate ${tiny} RC 0 STDOUT "^有效：2 个区，2 个小区，2 栋楼，3 个单元，5 户，4 名业主\n$")
expect_run(ARGS validate ${tiny} --lang en RC 0
           STDOUT "^valid: 2 districts, 2 estates, 2 buildings, 3 entrances, 5 dwellings, 4 owners\n$")
expect_run(ARGS validate ${WORK}/missing.json RC 1 STDERR "missing.json: cannot open file")
file(READ ${tiny} text)
string(REPLACE "72.35" "-12" bad "${text}")
file(WRITE ${WORK}/bad.json "${bad}")
expect_run(ARGS validate ${WORK}/bad.json RC 1
           STDERR "dwellings\\[0\\] \"E-0001-B1-1-101\" exclusive_area_m2: must be > 0")
# The binary snapshot (docs/snapshot.md): converted both ways, read by content by
# every command that reads a registry, damage named by section.
expect_run(ARGS convert ${tiny} ${WORK}/tiny.rsnap --year 2026 --quiet RC 0
           STDOUT "5 户 → .*tiny.rsnap（快照）")
expect_run(ARGS validate ${WORK}/tiny.rsnap --year 2026 --json RC 0
           STDOUT "\"valid\":true,\"districts\":2,\"streets\":1,\"estates\":2")
file(COPY_FILE ${WORK}/tiny.rsnap ${WORK}/tiny_snapshot.json)
expect_run(ARGS validate ${WORK}/tiny_snapshot.json --year 2026 RC 0 STDOUT "5 户")
expect_run(ARGS validate - --year 2026 INPUT ${WORK}/tiny.rsnap RC 0 STDOUT "5 户")
expect_run(ARGS convert ${WORK}/tiny.rsnap ${WORK}/tiny_back.json --year 2026 --quiet RC 0
           STDOUT "（JSON）")
expect_run(ARGS convert ${WORK}/tiny_back.json ${WORK}/tiny_again --year 2026 --quiet RC 0
           STDOUT "（快照）")
file(READ ${WORK}/tiny_back.json back)
expect_run(ARGS convert ${tiny} ${WORK}/tiny_canonical.json --year 2026 --quiet RC 0)
file(READ ${WORK}/tiny_canonical.json canonical)
if(NOT back STREQUAL canonical)
  message(FATAL_ERROR "convert: JSON → snapshot → JSON differs from JSON → JSON")
endif()
execute_process(COMMAND head -c -8 ${WORK}/tiny.rsnap OUTPUT_FILE ${WORK}/short.rsnap)
expect_run(ARGS tally ${WORK}/short.rsnap ${SOURCE_DIR}/examples/votes/ballots.json RC 1
           STDERR "short.rsnap: section \"owner.kind\": truncated")
expect_run(ARGS convert ${tiny} RC 2 STDERR "usage: renewal convert")
file(REMOVE ${WORK}/tiny_fail.rsnap)
expect_run(ARGS convert ${WORK}/bad.json ${WORK}/tiny_fail.rsnap RC 1 STDERR "exclusive_area_m2")
if(EXISTS ${WORK}/tiny_fail.rsnap)
  message(FATAL_ERROR "convert: a failed conversion wrote its output")
endif()
expect_run(ARGS frobnicate RC 2 STDERR "unknown command")
expect_run(ARGS --help RC 0 STDOUT "validate FILE")

# Funding (docs/funding.md): the Yueyang example plan, split to the fen.
set(plan ${SOURCE_DIR}/examples/funding/yueyang_plan.json)
expect_run(ARGS fund-split ${plan} --policy yueyang --json RC 0
           STDOUT "\"by_source\":{\"city\":\"50000.01\",\"district\":\"450000.00\"")
expect_run(ARGS fund-split ${plan} --policy yueyang RC 0 STDOUT "市级奖补 50000.01 / 5.00万")
expect_run(ARGS fund-split ${plan} --policy atlantis RC 1 STDERR "no preset named \"atlantis\"")
expect_run(ARGS fund-balance ${SOURCE_DIR}/examples/funding/yueyang_louqu_financing.json --json
           RC 0 STDOUT "\"self_balancing\":true,\"payback_year\":13")
expect_run(ARGS fund-presets RC 0 STDOUT "ningbo_fund_subsidy")

# The maintenance fund ledger (docs/ledger.md): deposits, a roof bill, a statement.
set(fund_reg ${SOURCE_DIR}/examples/ledger/registry.json)
set(journal ${WORK}/fund.journal)
file(REMOVE ${journal})
expect_run(ARGS ledger init ${fund_reg} ${journal} RC 0 STDOUT "已记账：建账")
foreach(d 101:3600 201:4800 301:6000 401:4200)  # seed 000 Liuyang: 60 yuan/m2 with lift
  string(REPLACE ":" ";" pair ${d})
  list(GET pair 0 unit)
  list(GET pair 1 yuan)
  expect_run(ARGS ledger deposit ${fund_reg} ${journal} --dwelling E1-B1-1-${unit} --amount ${yuan}
                  --date 2025-01-10 RC 0)
endforeach()
# Bad input: one-line errors naming the record and field; the journal keeps its bytes.
file(SIZE ${journal} size_before)
expect_run(ARGS ledger deposit ${fund_reg} ${journal} --dwelling E1-B1-1-999 --amount 1
                --date 2025-01-10 RC 1 STDERR "no dwelling with id \"E1-B1-1-999\"")
expect_run(ARGS ledger use ${fund_reg} ${journal} --id U-1 --building E1-B1 --amount 100
                --date 2025-03-01 --vote V-1 --rule civil_code_ordinary RC 1
           STDERR "use \"U-1\" approval: vote \"V-1\" did not pass")
expect_run(ARGS ledger use ${fund_reg} ${journal} --id U-1 --building E1-B1 --amount 100
                --date 2025-03-01 --vote V-1 --rule civil_code_ordinary --passed --category warranty
           RC 1 STDERR "art. 25\\(1\\)")
find_program(FLOCK flock)
if(FLOCK)  # another process holds the journal: a second writer is refused
  execute_process(COMMAND ${FLOCK} ${journal} ${CLI} ledger deposit ${fund_reg} ${journal}
                          --dwelling E1-B1-1-101 --amount 1 --date 2025-01-10
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "another writer has it open")
    message(FATAL_ERROR "ledger deposit under a held lock: exit ${rc}\n${err}")
  endif()
endif()
file(SIZE ${journal} size_after)
if(NOT size_before EQUAL size_after)
  message(FATAL_ERROR "refused ledger commands changed the journal: ${size_before} -> ${size_after}")
endif()
# Order 165 art. 20: 10,000 over 60/80/100/70 m2 -> 401 pays 10,000 x 70 / 310 = 2,258.06.
expect_run(ARGS ledger use ${fund_reg} ${journal} --id U-roof --building E1-B1 --amount 10000
                --date 2025-03-01 --facility roof --vote V-1 --rule civil_code_ordinary --passed
           RC 0 STDOUT "U-roof")
expect_run(ARGS ledger statement ${fund_reg} ${journal} --dwelling E1-B1-1-401 --year 2025 --json
           RC 0 STDOUT "\"deposits\":\"4200.00\",\"uses\":\"2258.06\"")
expect_run(ARGS ledger check ${fund_reg} ${journal} RC 0 STDOUT "账实相符")
expect_run(ARGS ledger check ${fund_reg} ${journal} --lang en RC 0 STDOUT "^consistent: ")

# Screening and summary on the tiny city (docs/eligibility.md).
expect_run(ARGS screen ${tiny} --policy national_2020 --year 2026 --json RC 0 STDOUT "E-0002")
expect_run(ARGS screen ${tiny} --policy nowhere --year 2026 RC 1 STDERR "nowhere")
# 岳阳楼区: 1 estate, 1 building, 4 dwellings, 275.90 m² (72.35 + 60 + 88.05 + 55.5), 1 eligible.
expect_run(ARGS summary ${tiny} --policy yueyang --year 2026 RC 0
           STDOUT "岳阳楼区 +1 +1 +4 +275.90 +1 +0 +0")

# The map (docs/map.md): E-0001 of the tiny city at 113.1, 29.37 with 4 households;
# under yueyang it is eligible (the summary above), with no reasons.
expect_run(ARGS map ${tiny} RC 0
           STDOUT "\"coordinates\":\\[113.1,29.37\\]},\"properties\":{\"estate_id\":\"E-0001\"")
expect_run(ARGS map ${tiny} --screen yueyang --year 2026 RC 0
           STDOUT "\"status\":\"eligible\",\"status_zh\":\"符合改造条件\"")
expect_run(ARGS map ${tiny} --screen nowhere RC 1 STDERR "nowhere")
expect_run(ARGS map RC 2 STDERR "usage: renewal map FILE")

# Votes (docs/votes.md): the worked example, 7 persons in 9 dwellings.
set(votes ${SOURCE_DIR}/examples/votes)
expect_run(ARGS tally ${votes}/estate.json ${votes}/ballots.json RC 0 STDOUT "结果：通过\n")
expect_run(ARGS tally ${votes}/estate.json ${votes}/ballots.json --json RC 0
           STDOUT "\"area_participating_centi_m2\":54820")
expect_run(ARGS tally ${votes}/estate.json ${votes}/ballots.json --notice md RC 0 STDOUT "欧阳\\*\\*")
expect_run(ARGS tally ${votes}/estate.json ${votes}/ballots.json --rule nope RC 1
           STDERR "no preset named \"nope\"")
expect_run(ARGS vote-rules RC 0 STDOUT "yueyang_double_two_thirds")

# Consultations (docs/votes.md "Consultations"). Yichang's three rounds on the
# example estate: 3, 5, then 6 of 7 persons agree; 2-1-201 is left (100% fails).
set(rounds ${votes}/consult_round1.json ${votes}/consult_round2.json ${votes}/consult_round3.json)
expect_run(ARGS consult ${votes}/estate.json ${rounds} RC 0
           STDOUT "征询 5 户，答复 4 户，新同意 3 户；累计同意 7 户，5 人 / 7 人.*结果：未通过\n尚未同意 1 户：\n  E-0001-B2-1-201：最后意见 不同意")
expect_run(ARGS consult ${votes}/estate.json ${rounds} --json RC 0
           STDOUT "\"round\":3,.*\"heads_agree\":6,\"heads_total\":7")
# Hebei's 80% (seed 001) on the same rounds: 6/7 = 85.71% passes.
expect_run(ARGS consult ${votes}/estate.json ${rounds} --rule hebei_80_entry RC 0
           STDOUT "结果：通过\n")
file(READ ${votes}/consult_round2.json round2)
string(REPLACE "\"kind\": \"estate\", \"id\": \"E-0001\"" "\"kind\": \"building\", \"id\": \"E-0001-B1\""
       round2_building "${round2}")
file(WRITE ${WORK}/round2_building.json "${round2_building}")
expect_run(ARGS consult ${votes}/estate.json ${votes}/consult_round1.json ${WORK}/round2_building.json
           RC 1 STDERR "round2_building.json: vote scope: building E-0001-B1 differs from the first round's estate E-0001")
# A usage error (too few arguments): exit 2 since the CLI11 parser (was 1).
expect_run(ARGS consult ${votes}/estate.json RC 2 STDERR "usage: renewal consult REGISTRY ROUND1.json")

# Shanghai elevators: 2栋1单元 passes 3 of 3, 1栋1单元 fails (1 of 2 persons agree).
set(lift ${votes}/estate.json ${votes}/elevator_ballots.json ${votes}/elevator_applications.json)
expect_run(ARGS elevator ${lift} RC 0
           STDOUT "结果：2 个单元启动征询，1 个通过（E-0001-B2 1单元），1 个未通过\n选票：共 10 张；计入单元征询 8，房屋不存在 1，所在单元无人申请 1")
expect_run(ARGS elevator ${lift} --json RC 0
           STDOUT "\"entrances_opened\":2,\"entrances_passed\":1")
# Five days: O6's ballots come after 2栋1单元 closes; 2 of 3 persons is exactly 2/3.
expect_run(ARGS elevator ${lift} --days 5 RC 0
           STDOUT "参与表决人数 2 人 / 全体业主人数 3 人 = 66.67% ≥ 2/3（66.67%）：通过；可再减少 0 人")
expect_run(ARGS elevator ${lift} --days 0 RC 1 STDERR "--days: must be between 1 and 36500, got 0")
file(READ ${votes}/elevator_applications.json apps)
string(REPLACE "E-0001-B2-1-101" "E-0001-B2-1-999" bad_apps "${apps}")
file(WRITE ${WORK}/bad_applications.json "${bad_apps}")
expect_run(ARGS elevator ${votes}/estate.json ${votes}/elevator_ballots.json ${WORK}/bad_applications.json
           RC 1 STDERR "bad_applications.json: applications\\[1\\] \"A-002\" dwelling: no dwelling with id \"E-0001-B2-1-999\"")

# Planning (docs/plan.md): district limits from the options file; menu completion.
set(planning ${SOURCE_DIR}/examples/plan)
expect_run(ARGS plan ${planning}/registry.json ${planning}/projects.json --budget 120000000
                --year 2025 --options ${planning}/options.json RC 0
           STDOUT "区县 \"D1\" 资金上限 4000.00万：已安排 3300.00万")
expect_run(ARGS plan ${planning}/registry.json ${planning}/projects.json --budget 120000000
                --options ${planning}/missing.json RC 1 STDERR "options file .*cannot open")
# P-E04 (D1, 1500万) drops out: 1500万 + 700万 left; the first substitute P-E02 (1800万) fits.
expect_run(ARGS plan ${planning}/registry.json ${planning}/projects.json --budget 120000000
                --year 2025 --drop P-E04 --json RC 0
           STDOUT "\"substitutions\":\\[{\"dropped_id\":\"P-E04\",\"added_ids\":\\[\"P-E02\"\\]}\\]")
expect_run(ARGS plan ${planning}/registry.json ${planning}/projects.json --budget 120000000
                --year 2025 --drop P-E04 RC 0 STDOUT "候补第 1 位，替补退出项目 \"P-E04\"")
expect_run(ARGS plan ${planning}/registry.json ${planning}/projects.json --budget 120000000
                --drop P-E02 RC 1 STDERR "--drop: dropped_id: \"P-E02\" is not a project of the implement tier")
expect_run(ARGS plan-menu ${planning}/menu.json --completion add1 --json RC 0
           STDOUT "\"completion\":\"add1\"")
expect_run(ARGS plan-menu ${planning}/menu.json --completion add3 RC 1 STDERR "unknown value \"add3\"")
expect_run(ARGS plan-menu ${planning}/menu.json --completion add1 --time-limit soon RC 2
           STDERR "--time-limit: expected seconds >= 0, got \"soon\"")
expect_run(ARGS plan-menu ${planning}/menu.json --completion add1 --time-limit 60 RC 0
           STDOUT "同分时：每分造价分摊额低者优先")

# The command line (README "Command line"): --help, --version, exit codes 0/1/2.
expect_run(ARGS --version RC 0 STDOUT "^[0-9]+\\.[0-9]+\\.[0-9]+")
expect_run(ARGS --help RC 0 STDOUT "Exit codes: 0 success; 1 the input or the data is wrong")
expect_run(ARGS RC 2 HELP STDERR "Commands:")
# Every command's --help and -h exit 0 and name every option.
set(help_validate --year --json --quiet)
set(help_generate --estates --seed --households-scale --output --quiet)
set(help_screen --policy --year --estate --json)
set(help_summary --policy --year --json)
set(help_fund-split --policy --json)
set(help_fund-balance --json)
set(help_fund-presets --json)
set(help_vote-rules --json)
set(help_tally --rule --json --notice)
set(help_consult --rule --json)
set(help_elevator --days --rule --json)
set(help_plan --budget --sheet --year --objective --basis --solver --hazards-first --require-vote
    --require-funding --require-management --carry-over-bonus --plan-tier-budget --options --drop
    --json)
set(help_map --screen --year --html --title --output)
set(help_plan-menu --rule --satisfaction --completion --time-limit --export-pb --json --quiet)
set(help_ledger init deposit top-up selling-unit use interest income subsidy owner settle refund
    assert balance statement publish arrears topups export check)
foreach(cmd validate generate screen summary map fund-split fund-balance fund-presets vote-rules
        tally consult elevator plan plan-menu ledger)
  foreach(h --help -h)
    execute_process(COMMAND ${CLI} ${cmd} ${h} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                    ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR NOT out MATCHES "usage: renewal ${cmd}" OR NOT out MATCHES "Example:")
      message(FATAL_ERROR "renewal ${cmd} ${h}: exit ${rc}\n${out}\n${err}")
    endif()
    foreach(opt ${help_${cmd}})
      string(FIND "${out}" "${opt}" at)
      if(at EQUAL -1)
        message(FATAL_ERROR "renewal ${cmd} ${h} does not name ${opt}:\n${out}")
      endif()
    endforeach()
  endforeach()
endforeach()
set(help_ledger_deposit --dwelling --amount --date --memo --json)
set(help_ledger_selling-unit --dwelling --amount --date --memo --sale-proceeds --json)
set(help_ledger_use --id --estate --building --entrance --amount --date --facility --category
    --vote --rule --passed --emergency --reason --owners-assembly --contribution --memo --json)
set(help_ledger_income --amount --date --estate --building --entrance --public-income --json)
set(help_ledger_subsidy --use --date --pct --json)
set(help_ledger_arrears --policy --cost --rate-bp --reform-cost --standard --pct --threshold-pct)
set(help_ledger_topups --policy --cost --rate-bp --reform-cost --standard --pct --threshold-pct)
foreach(action init deposit top-up selling-unit use interest income subsidy owner settle refund
        assert balance statement publish arrears topups export check)
  execute_process(COMMAND ${CLI} ledger ${action} --help RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "usage: renewal ledger ${action} REGISTRY JOURNAL"
     OR NOT out MATCHES "Example:")
    message(FATAL_ERROR "renewal ledger ${action} --help: exit ${rc}\n${out}")
  endif()
  foreach(opt ${help_ledger_${action}})
    string(FIND "${out}" "${opt}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "renewal ledger ${action} --help does not name ${opt}:\n${out}")
    endif()
  endforeach()
endforeach()
# `renewal ledger` alone: its usage, several lines, exit 2.
expect_run(ARGS ledger RC 2 HELP STDERR "usage: renewal ledger ACTION REGISTRY JOURNAL.*\n.*deposit\\|top-up")

# A misspelt option is a usage error naming it (it used to be ignored: 2026 for 2019).
expect_run(ARGS summary ${tiny} --yaer 2019 RC 2 STDERR "--yaer")
expect_run(ARGS screen ${tiny} --policy yueyang --sed 4 RC 2 STDERR "--sed")
expect_run(ARGS ledger deposit ${fund_reg} ${journal} --dwelling E1-B1-1-101 --amuont 1
                --date 2025-01-10 RC 2 STDERR "--amuont")
# An option without its value or a wrong number of arguments: exit 2. A missing
# required option or a value that is not a number stays exit 1 (as before).
expect_run(ARGS summary ${tiny} --year RC 2 STDERR "--year")
expect_run(ARGS summary RC 2 STDERR "usage: renewal summary FILE")
expect_run(ARGS ledger deposit ${fund_reg} RC 2 STDERR "usage: renewal ledger")
expect_run(ARGS screen ${tiny} RC 1 STDERR "--policy: required")
expect_run(ARGS validate ${tiny} --year abc RC 1 STDERR "--year: expected an integer")
expect_run(ARGS ledger deposit ${fund_reg} ${journal} --amount 1 --date 2025-01-10 RC 1
           STDERR "^renewal ledger: --dwelling is required")
# A data error exits 1 naming record and field, from stdin too.
expect_run(ARGS validate - RC 1 INPUT ${WORK}/bad.json
           STDERR "-: .*dwellings\\[0\\] \"E-0001-B1-1-101\" exclusive_area_m2: must be > 0")
# Under --json an error is one JSON object on stderr.
expect_run(ARGS validate ${WORK}/bad.json --json RC 1
           STDERR "^{\"error\": {\"code\": \"INVALID_ARGUMENT\", \"path\": \"estates\\[0\\]\\.buildings\\[0\\]\\.entrances\\[0\\]\\.dwellings\\[0\\]\\.exclusive_area_m2\", \"message\": \".*exclusive_area_m2: must be > 0")
expect_run(ARGS summary ${tiny} --yaer 2019 --json RC 2
           STDERR "^{\"error\": {\"code\": \"INVALID_ARGUMENT\", \"message\": \".*--yaer")
# "-": stdin for inputs, stdout for -o.
expect_run(ARGS validate - --json RC 0 INPUT ${tiny} STDOUT "\"valid\":true")
expect_run(ARGS generate --estates 2 --seed 1 -o - RC 0 STDOUT "\"estates\"")
expect_run(ARGS generate --estates 2 --seed 1 -o ${WORK}/gen.json RC 0 STDOUT "2 个小区")
expect_run(ARGS summary - --json RC 0 INPUT ${WORK}/gen.json STDOUT "estates")
expect_run(ARGS fund-split - --policy yueyang --json RC 0 INPUT ${plan}
           STDOUT "\"city\":\"50000.01\"")
expect_run(ARGS tally ${votes}/estate.json - RC 0 INPUT ${votes}/ballots.json STDOUT "结果：通过\n")

# Ledger gaps (issue 17): no doubled prefix; topups without --policy measure against
# the deposit actually paid; use --json gives the shares.
expect_run(ARGS ledger topups ${fund_reg} ${journal} --json RC 0 STDOUT "{\"top_ups\":\\[")
expect_run(ARGS ledger use ${fund_reg} ${journal} --id U-json --building E1-B1 --amount 310
                --date 2025-03-02 --vote V-2 --rule civil_code_ordinary --passed --json RC 0
           STDOUT "\"shares\":\\[{\"dwelling\":\"E1-B1-1-101\",\"amount\":\"60.00\"}")
expect_run(ARGS ledger frob ${fund_reg} ${journal} RC 2 STDERR "^renewal ledger: ")
# Reform housing (房改房): every dwelling of this copy is sold public housing.
file(READ ${fund_reg} fund_text)
string(REPLACE "\"owners\": [\"O" "\"property_type\": \"reform_housing\", \"owners\": [\"O"
       reform_text "${fund_text}")
file(WRITE ${WORK}/reform_registry.json "${reform_text}")
set(reform_journal ${WORK}/reform.journal)
file(REMOVE ${reform_journal})
expect_run(ARGS ledger init ${WORK}/reform_registry.json ${reform_journal} RC 0)
# arrears --policy national --reform-cost 1500 without --cost: 2% x 1500 x 60 m2 = 1800.
expect_run(ARGS ledger arrears ${WORK}/reform_registry.json ${reform_journal} --policy national
                --reform-cost 1500 RC 0 STDOUT "E1-B1-1-101 应交 1800.00 已交 0.00 欠 1800.00")
expect_run(ARGS ledger arrears ${fund_reg} ${journal} --policy national --reform-cost 1500 RC 1
           STDERR "dwelling \"E1-B1-1-101\" property_type commercial: policy national construction_cost_per_m2 is not set")
# Order 165 art. 8(2): 7 floors is multi-storey, 20% of 90,000 = 18,000; 100 is refused.
expect_run(ARGS ledger selling-unit ${WORK}/reform_registry.json ${reform_journal}
                --dwelling E1-B1-1-101 --amount 100 --date 2025-01-10 --sale-proceeds 90000 RC 1
           STDERR "at least 18000.00.*建设部、财政部令第165号")
expect_run(ARGS ledger selling-unit ${WORK}/reform_registry.json ${reform_journal}
                --dwelling E1-B1-1-101 --amount 18000 --date 2025-01-10 --sale-proceeds 90000 RC 0)

# Issue 17, command by command: a misspelt option exits 2 and names it; every
# command (and ledger action) takes --quiet and --lang.
foreach(cmd validate generate screen summary fund-split fund-balance fund-presets vote-rules tally
        consult elevator plan plan-menu "ledger;deposit" "ledger;check")
  expect_run(ARGS ${cmd} --frobnicate-me RC 2 STDERR "--frobnicate-me")
  execute_process(COMMAND ${CLI} ${cmd} --help RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  if(NOT out MATCHES "--quiet" OR NOT out MATCHES "--lang")
    message(FATAL_ERROR "renewal ${cmd} --help does not name --quiet and --lang:\n${out}")
  endif()
endforeach()
# --lang: zh (default) or en, each wholly in its language, on every command (the
# checks over each command's whole output are in python/tests/test_cli_lang.py);
# another value exits 2; a public notice, posted in Chinese, refuses en rather than
# answering in Chinese.
expect_run(ARGS validate ${tiny} --lang fr RC 2 STDERR "--lang: expected zh or en")
expect_run(ARGS tally ${votes}/estate.json ${votes}/ballots.json --lang en RC 0
           STDOUT "\nresult: (passed|not passed)\n  \\[(passed|not passed)\\] participation_area: area participating ")
expect_run(ARGS tally ${votes}/estate.json ${votes}/ballots.json --notice md --lang en RC 2
           STDERR "posted to owners in Chinese")
foreach(cmd fund-split fund-balance vote-rules tally consult elevator plan plan-menu)
  set(args_fund-split ${SOURCE_DIR}/examples/funding/yueyang_plan.json --policy yueyang)
  set(args_fund-balance ${SOURCE_DIR}/examples/funding/yueyang_louqu_financing.json)
  set(args_vote-rules)
  set(args_tally ${votes}/estate.json ${votes}/ballots.json)
  set(args_consult ${votes}/estate.json ${votes}/consult_round1.json ${votes}/consult_round2.json)
  set(args_elevator ${votes}/estate.json ${votes}/elevator_ballots.json
      ${votes}/elevator_applications.json)
  set(args_plan ${SOURCE_DIR}/examples/plan/registry.json ${SOURCE_DIR}/examples/plan/projects.json
      --budget 120000000 --year 2025)
  set(args_plan-menu ${SOURCE_DIR}/examples/plan/menu.json)
  expect_run(ARGS ${cmd} ${args_${cmd}} --lang en RC 0)
endforeach()
expect_run(ARGS screen ${tiny} --policy yueyang --year 2026 --estate E-0002 RC 0
           STDOUT "E-0002 南湖新村：不符合改造条件（岳阳市城区老旧小区改造范围，2026年）\n  2000年（含）以前建成：实际 2003，要求 2000年或以前 → 不符合\n")
expect_run(ARGS screen ${tiny} --policy yueyang --year 2026 --estate E-0002 --lang en RC 0
           STDOUT "E-0002 南湖新村: ineligible \\(Yueyang city-area renovation scope, 2026\\)\n  built in or before 2000: actual 2003, required in or before 2000 → fail\n")
expect_run(ARGS summary ${tiny} --policy yueyang --year 2026 --lang en RC 0
           STDOUT "total +2 +2 +5 +375.89 +1 +1 +0")
# screen --estate --json: the screening document of that estate alone.
expect_run(ARGS screen ${tiny} --policy yueyang --year 2026 --estate E-0002 --json RC 0
           STDOUT "\"counts\":{\"estates\":1,\"eligible\":0,\"ineligible\":1,\"undetermined\":0}")
# fund-presets --json: one document.
expect_run(ARGS fund-presets --json RC 0 STDOUT "^{\"presets\":\\[{\"name\":\"national_2020\"")

# gzip by the .gz suffix: written compressed, read back; from stdin too; a corrupt or
# truncated .gz is a clear error; a failing write leaves no file.
expect_run(ARGS generate --estates 3 --seed 2 -o ${WORK}/city.json.gz --json RC 0
           STDOUT "\"output\":\".*city.json.gz\",\"districts\"")
file(READ ${WORK}/city.json.gz magic LIMIT 2 HEX)
if(NOT magic STREQUAL "1f8b")
  message(FATAL_ERROR "generate -o city.json.gz did not write gzip: ${magic}")
endif()
expect_run(ARGS validate ${WORK}/city.json.gz --json RC 0 STDOUT "\"estates\":3,")
expect_run(ARGS validate - --json RC 0 INPUT ${WORK}/city.json.gz STDOUT "\"estates\":3,")
file(WRITE ${WORK}/plain.json.gz "{}")
expect_run(ARGS validate ${WORK}/plain.json.gz RC 1 STDERR "plain.json.gz: named .gz but not gzip-compressed")
file(READ ${WORK}/city.json.gz gz HEX)
string(SUBSTRING "${gz}" 0 400 gz_head)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" gz_escaped "${gz_head}")
execute_process(COMMAND printf "${gz_escaped}" OUTPUT_FILE ${WORK}/cut.json.gz)
expect_run(ARGS validate ${WORK}/cut.json.gz RC 1 STDERR "cut.json.gz: gzip data ends early")
expect_run(ARGS generate --estates 0 -o ${WORK}/never.json RC 1 STDERR "--estates")
if(EXISTS ${WORK}/never.json)
  message(FATAL_ERROR "a failing generate wrote its output file")
endif()
# "-" for every input read: --policy and --rule from stdin.
file(WRITE ${WORK}/policy.json "{\"extends\": \"yueyang\", \"name\": \"mine\"}")
expect_run(ARGS screen ${tiny} --policy - --year 2026 --json RC 0 INPUT ${WORK}/policy.json
           STDOUT "\"name\":\"mine\"")
expect_run(ARGS tally ${votes}/estate.json ${votes}/ballots.json --rule - --json RC 0
           INPUT ${votes}/rule_80_percent.json STDOUT "\"passed\"")
# Estate plans (docs/scheme.md): the worked example of examples/scheme. The plan
# without the fire item fails Changsha's review on two checks; the corrected one passes.
set(city ${SOURCE_DIR}/examples/small_city.json)
set(scheme ${SOURCE_DIR}/examples/scheme)
expect_run(ARGS review ${scheme}/plan_missing_fire.json --registry ${city} --policy changsha_eight_no
           RC 0 STDOUT "不通过的审查项： fire_lane_and_ageing complete")
expect_run(ARGS review ${scheme}/plan_missing_fire.json --registry ${city} --policy changsha_eight_no
                --lang en RC 0 STDOUT "failed checks: fire_lane_and_ageing complete")
expect_run(ARGS review ${scheme}/plan_missing_fire.json --registry ${city} --policy changsha_eight_no
                --json RC 0 STDOUT "\"status\":\"failed\",\"passed\":false")
expect_run(ARGS review ${scheme}/plan_corrected.json --registry ${city} --policy changsha_eight_no
           RC 0 STDOUT "方案 P-E000025-2025（小区 E000025）：审查通过\n")
expect_run(ARGS review ${scheme}/plan_corrected.json --registry ${city} --policy changsha_eight_no
                --lang en RC 0 STDOUT "plan P-E000025-2025 \\(estate E000025\\): passed\n")
expect_run(ARGS completeness ${scheme}/plan_missing_fire.json --registry ${city} --policy changsha
           RC 0 STDOUT "应改 10 项，已纳入 8，说明不改 1，缺项 1，未调查 0")
expect_run(ARGS completeness ${scheme}/plan_missing_fire.json --registry ${city} --policy changsha
                --lang en RC 0 STDOUT "10 required, 8 covered, 1 waived, 1 missing, 0 not surveyed")
expect_run(ARGS opinions ${scheme}/plan_corrected.json --registry ${city} --format md RC 0
           STDOUT "E000025-05-2-\\*\\*\\* \\| 一楼住户不同意本单元加装电梯")
expect_run(ARGS review --registry ${city} RC 2 STDERR "usage: renewal review")
expect_run(ARGS review ${scheme}/plan_corrected.json RC 1 STDERR "--registry CITY is required")
expect_run(ARGS review ${scheme}/plan_corrected.json --registry ${city} --policy paris RC 1
           STDERR "no preset named \"paris\"")
expect_run(ARGS opinions ${scheme}/plan_corrected.json --registry ${city} --format pdf RC 1
           STDERR "--format: expected md, html or json")
# Bad plans: one line naming the record and the field, exit 1, nothing written.
file(READ ${scheme}/plan_corrected.json plan_text)
string(REPLACE "\"catalogue\": \"roads\"" "\"catalogue\": \"moat\"" bad_plan "${plan_text}")
file(WRITE ${WORK}/bad_plan.json "${bad_plan}")
expect_run(ARGS review ${WORK}/bad_plan.json --registry ${city} RC 1
           STDERR "items\\[2\\] \"I-03\" catalogue: unknown catalogue key \"moat\"")
string(REPLACE "\"E000025-05-2-101\"" "\"E000001-01-1-101\"" bad_plan "${plan_text}")
file(WRITE ${WORK}/bad_plan.json "${bad_plan}")
expect_run(ARGS completeness ${WORK}/bad_plan.json --registry ${city} RC 1
           STDERR "opinions\\[0\\] \"O-01\" dwelling: \"E000001-01-1-101\" is not in estate \"E000025\"")
# The annual plan reads the reviews: only E01's plan passed, so every other project
# is "not ready" (方案未通过审查).
file(WRITE ${WORK}/reviews.json
     "{\"format\": \"renewal.scheme-reviews\", \"reviews\": [{\"plan\": \"S-E01\", \"estate\": \"E01\", \"status\": \"passed\"}, {\"plan\": \"S-E02\", \"estate\": \"E02\", \"status\": \"failed\"}]}")
expect_run(ARGS plan ${SOURCE_DIR}/examples/plan/registry.json ${SOURCE_DIR}/examples/plan/projects.json
                --budget 120000000 --year 2025 --require-review ${WORK}/reviews.json RC 0
           STDOUT "方案未通过审查")
expect_run(ARGS plan ${SOURCE_DIR}/examples/plan/registry.json ${SOURCE_DIR}/examples/plan/projects.json
                --budget 120000000 --year 2025 --require-review ${WORK}/missing_reviews.json RC 1
           STDERR "missing_reviews.json: cannot open file")
# The works (docs/works.md): events recorded all or nothing in the programme's journal
# among its progress events, reports from it.
set(wdir ${SOURCE_DIR}/examples/works/directory.json)
set(wevents ${SOURCE_DIR}/examples/works/events.json)
set(wjournal ${WORK}/works.journal)
file(REMOVE ${wjournal})
# The works hang off a programme: without its journal nothing is created.
expect_run(ARGS works record ${wdir} ${wjournal} --events ${wevents} RC 1
           STDERR "no such programme journal")
if(EXISTS ${wjournal})
  message(FATAL_ERROR "a refused works record created ${wjournal}")
endif()
expect_run(ARGS progress init ${wjournal} --policy national_works RC 0)
expect_run(ARGS progress import ${wjournal} ${SOURCE_DIR}/examples/works/projects.jsonl RC 0)
file(SIZE ${wjournal} wsize0)
# A file whose last event does not apply writes nothing.
file(READ ${wevents} wtext)
string(REPLACE "\"item_kind\": \"waterproofing\"" "\"item_kind\": \"paint\"" wbad "${wtext}")
file(WRITE ${WORK}/works_bad.json "${wbad}")
expect_run(ARGS works record ${wdir} ${wjournal} --events ${WORK}/works_bad.json RC 1
           STDERR "events\\[18\\]: defect \"DF-1\" item_kind")
file(SIZE ${wjournal} wsize_bad)
if(NOT wsize0 EQUAL wsize_bad)
  message(FATAL_ERROR "a refused works record changed the journal: ${wsize0} -> ${wsize_bad}")
endif()
expect_run(ARGS works record ${wdir} ${wjournal} --events ${wevents} --json RC 0
           STDOUT "\"recorded\":20")
file(SIZE ${wjournal} wsize)
expect_run(ARGS works record ${wdir} ${wjournal} --events ${wevents} RC 1 STDERR "recorded already")
# JSON Lines of both kinds: a works line naming a project the programme lacks refuses
# the whole import, the progress line before it included.
file(WRITE ${WORK}/works_mixed_bad.jsonl
     "{\"kind\":\"create\",\"project\":\"P-3\",\"date\":\"2025-01-02\",\"estates\":[{\"id\":\"E-3\",\"households\":10}],\"province\":\"湖南省\",\"city\":\"岳阳市\",\"district\":\"D-1\"}\n{\"event\":\"defect\",\"id\":\"DF-9\",\"project\":\"P-9\",\"item_kind\":\"plumbing\",\"on\":\"2025-07-01\"}\n")
expect_run(ARGS works import ${wdir} ${wjournal} --events ${WORK}/works_mixed_bad.jsonl RC 1
           STDERR "line 2: defect \"DF-9\" project")
file(SIZE ${wjournal} wsize_after)
if(NOT wsize EQUAL wsize_after)
  message(FATAL_ERROR "a refused works record changed the journal: ${wsize} -> ${wsize_after}")
endif()
# The signed acceptance form as evidence, then the programme exported in one stream.
expect_run(ARGS works evidence ${wdir} ${wjournal} --project P-1 --date 2025-03-11 RC 0)
expect_run(ARGS progress export ${wjournal} RC 0
           STDOUT "\"event\":\"penalty\".*\"kind\":\"evidence\",\"project\":\"P-1\",\"date\":\"2025-03-11\",\"evidence\":{\"kind\":\"acceptance\",\"id\":\"P-1/joint_acceptance\",\"passed\":true")
expect_run(ARGS works open ${wdir} ${wjournal} --as-of 2025-03-31 --policy ${SOURCE_DIR}/examples/works/policy.json RC 0
           STDOUT "C-2")
file(WRITE ${WORK}/works_policy_bad.json "{\"complaints\": {\"name\": \"x\", \"tiers\": [], \"accept\": {\"amount\": -1, \"unit\": \"working_days\"}}}")
expect_run(ARGS works open ${wdir} ${wjournal} --as-of 2025-03-31 --policy ${WORK}/works_policy_bad.json RC 1
           STDERR "works policy complaints.accept.amount")
expect_run(ARGS works open ${wdir} ${wjournal} --as-of 2025-03-31 --overdue --json RC 0
           STDOUT "\"id\":\"C-2\".*\"due\":\"2025-02-13\",\"days_overdue\":46")
expect_run(ARGS works stats ${wdir} ${wjournal} --as-of 2025-03-31 --by district RC 0 STDOUT "D-1")
expect_run(ARGS works public ${wdir} ${wjournal} RC 0 STDOUT "张\\*\\*")
expect_run(ARGS works contractors ${wdir} ${wjournal} --json RC 0 STDOUT "\"penalty_total\":\"5000.00\"")
# The works' reports in either language (issue 17).
expect_run(ARGS works open ${wdir} ${wjournal} --as-of 2025-03-31 --overdue --lang en RC 0
           STDOUT "^overdue as of 2025-03-31: .*C-2 .* due 2025-02-13  overdue 46 days")
expect_run(ARGS works stats ${wdir} ${wjournal} --as-of 2025-03-31 --lang en RC 0
           STDOUT "^on-time rates as of 2025-03-31 by district ")
expect_run(ARGS works public ${wdir} ${wjournal} --lang en RC 0
           STDOUT "^complaints and disputes, public list")
expect_run(ARGS works contractors ${wdir} ${wjournal} --lang en RC 0
           STDOUT "^contractors' credit records\n")
expect_run(ARGS works open ${wdir} ${wjournal} RC 2 STDERR "--as-of")
expect_run(ARGS works open ${wdir} RC 2 STDERR "usage: renewal works open")
foreach(action record import evidence migrate open stats public contractors)
  execute_process(COMMAND ${CLI} works ${action} --help RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "usage: renewal works ${action} DIRECTORY JOURNAL"
     OR NOT out MATCHES "Example:" OR NOT out MATCHES "--calendar")
    message(FATAL_ERROR "renewal works ${action} --help: exit ${rc}\n${out}")
  endif()
endforeach()
