META
key;value
description;"Small hand-written election; the satisfaction example of tests/plan/menu_test.cc"
country;Poland
unit;Test
num_projects;3
num_votes;2
budget;4.00
vote_type;approval
rule;equal_shares
PROJECTS
project_id;cost;name;votes
A;3;Playground;2
B;1.0;Benches;1
C;1.000;"Bike racks; covered";1
VOTES
voter_id;vote
H1;A,B
H2;A,C
