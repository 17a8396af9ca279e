"""examples/scale_out/scenarios.py: scenarios over per-city partitions on a local Dask
cluster give the single-process result, row by row (issue 19, part 5)."""

import importlib.util
import pickle

import pandas as pd
import pytest

distributed = pytest.importorskip("dask.distributed")  # python3-distributed, install-deps.sh


@pytest.fixture(scope="module")
def scenarios(root):
    spec = importlib.util.spec_from_file_location(
        "scenarios", root / "examples" / "scale_out" / "scenarios.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_partition_travels_as_its_snapshot(scenarios):
    city = scenarios.make_cities(1, 50)[0]
    back = pickle.loads(pickle.dumps(city))
    pd.testing.assert_frame_equal(scenarios.run_city(city, scenarios.SCENARIOS[0], 0),
                                  scenarios.run_city(back, scenarios.SCENARIOS[0], 0))


# Debian 12's distributed on its tornado: a deprecation inside the cluster's start-up.
@pytest.mark.filterwarnings("ignore:make_current is deprecated:DeprecationWarning")
def test_dask_cluster_gives_the_single_process_result(scenarios):
    cities = scenarios.make_cities(3, 120)
    local = scenarios.run_local(cities, scenarios.SCENARIOS)
    # Both scenarios, every estate of every city, the votes counted.
    assert len(local) == 2 * sum(c.estate_count for c in cities)
    assert local["passed"].notna().all() and (local["ballots"] > 0).all()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        spread = scenarios.run_dask(client, cities, scenarios.SCENARIOS)
    pd.testing.assert_frame_equal(local, spread)
