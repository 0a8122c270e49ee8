"""Evaluation gate: pinned floors on the labelled dev sets (skipped where they are absent).

Floors sit slightly under the scores measured when they were pinned (see docs/cli.md,
``sitrep eval``). reports-dev and news-channels-dev are also the shipped model's training data,
so their relevance figures are in-sample; milbloggers-dev is not used for training.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "data/gold"

# labelled sets shipped with the repository (team-written): always present
IN_REPO = Path(__file__).resolve().parents[2] / "bench" / "data"

pytestmark = pytest.mark.gold

# set -> floors (measured 2026-11-25 after the H1 rules: reports-dev P 1.00 R 0.966 type 0.966 units 0.961
# places 0.868 via 0.80 date 0.913 count 0.774; milbloggers-dev P 1.00 R 0.22; news-channels-dev P 1.00 R 1.00).
# Unseen-text figures come from bench/extract_cv.py, not from here.
# 2026-11-25 (H10, model retrained with team-heldout set 1): reports-dev P 1.00 R 0.966 type 0.966 units 0.961
# date 0.913 count 0.774; team-heldout (set 1, in the repository, now training data: in-sample) P 1.00 R 0.985
# type 0.969 units 0.986 places 0.994 via 0.741 date 0.974 count 0.789.
# 2026-11-25 (issue #3, codebook 1.2, model retrained with team-heldout set 2 too — now in-sample): reports-dev P 1.00
# R 0.977 type 0.977; set 1 P 1.00 R 1.00 type 1.00; set 2 P 1.00 R 1.00 type 0.984 units 1.00 places 0.965 via 0.833
# date 1.00 count 0.957; leave-one-set-out figures (bench/extract_cv.py --loso) are the unseen-text ones.
# 2026-11-25 (session 4, codebook 1.3; team-heldout-3 is development data and in the model's training set since
# team-heldout-4 was committed): set 3 P 1.00 R 0.968 type 0.968 units 0.955 places 0.924 via 1.00 date 1.00
# count 0.967; the blind figures are team-heldout-4's, scored in aggregate only (its README), never pinned here.
FLOORS: dict[str, dict[str, float]] = {
    "reports-dev": {
        "precision": 0.97,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "units_f1": 0.94,
        "places_f1": 0.85,
        "via_f1": 0.75,
        "date_accuracy": 0.89,
        "count_accuracy": 0.75,
    },
    "team-heldout": {
        "precision": 0.97,
        "recall": 0.95,
        "type_accuracy": 0.94,
        "units_f1": 0.95,
        "places_f1": 0.9,
        "via_f1": 0.7,
        "date_accuracy": 0.94,
        "count_accuracy": 0.76,
    },
    "team-heldout-2": {
        "precision": 0.97,
        "recall": 0.97,
        "type_accuracy": 0.95,
        "units_f1": 0.95,
        "places_f1": 0.9,
        "via_f1": 0.75,
        "date_accuracy": 0.94,
        "count_accuracy": 0.9,
    },
    "team-heldout-3": {
        "precision": 0.97,
        "recall": 0.94,
        "type_accuracy": 0.94,
        "units_f1": 0.93,
        "places_f1": 0.9,
        "via_f1": 0.9,
        "date_accuracy": 0.97,
        "count_accuracy": 0.93,
    },
    # Development data since sets 5 and 6 were committed; their errors were read in session 5 (codebook 1.4).
    # 2026-11-26 end of session 5: set 4 P 0.944 R 0.958 type 0.944 units 0.919 places 0.858 via 1.00 date 0.976
    # count 0.953; set 5 P 1.00 R 0.966 type 0.948 units 0.976 places 0.921 via 0.909 date 0.941 count 0.917.
    "team-heldout-4": {
        "precision": 0.92,
        "recall": 0.93,
        "type_accuracy": 0.92,
        "units_f1": 0.9,
        "places_f1": 0.83,
        "via_f1": 0.9,
        "date_accuracy": 0.95,
        "count_accuracy": 0.92,
    },
    "team-heldout-5": {
        "precision": 0.97,
        "recall": 0.96,
        "type_accuracy": 0.94,
        "units_f1": 0.95,
        "places_f1": 0.9,
        "via_f1": 0.85,
        "date_accuracy": 0.92,
        "count_accuracy": 0.89,
    },
    # Development data since team-heldout-7 was committed; its errors were read in session 6 (codebook 1.5, issue #3).
    # 2026-11-26 (H2): set 6 P 1.00 R 0.956 type 0.956 units 0.987 places 0.802 via 1.00 date 0.946 count 0.953 (was
    # P 0.922 R 0.868 type 0.809 when scored blind); set 5 R 0.983 type 0.966 (a gathering told with its demand).
    # session 7: set 6 P 1.00 R 1.00 type 1.00 units 1.00 places 0.906 date 1.00 count 1.00 (floors raised)
    "team-heldout-6": {
        "precision": 0.97,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "units_f1": 0.97,
        "places_f1": 0.86,
        "via_f1": 0.9,
        "date_accuracy": 0.95,
        "count_accuracy": 0.95,
    },
    # Development data since team-heldout-8 was committed; its errors were read in session 6 round 2 (codebook 1.6).
    # 2026-11-26 (R2-type): set 7 P 0.971 R 0.985 type 0.985 (was P 0.948 R 0.821 type 0.806 blind); the field floors
    # sit under the figures of the committed field code at the time (units 0.958 places 0.832 via 0.545 date 0.830
    # count 0.778; the working tree's places/via/dates/counts work scored 0.931/1.00/0.981/0.984): owners raise them
    # Raised 2026-11-26 (session 7, codebook 1.8) to the committed field code: set 7 units 0.980 places 0.942 via 1.00
    # date 0.981 count 0.984.
    "team-heldout-7": {
        "precision": 0.94,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "units_f1": 0.95,
        "places_f1": 0.9,
        "via_f1": 0.9,
        "date_accuracy": 0.95,
        "count_accuracy": 0.95,
    },
    # Development data since 2026-11-26 06:47 UTC (session 7: team-heldout-9 is the blind set); its errors were read
    # then (codebook 1.7/1.8). Measured: P 1.00 R 1.00 type 1.00 units 1.00 places 0.935 via 0.848 date 0.985
    # count 0.985 (blind at the session's start: R 0.941 type 0.912 units 0.929 places 0.867 via 0.714 date 0.912).
    "team-heldout-8": {
        "precision": 0.97,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "units_f1": 0.97,
        "places_f1": 0.9,
        "via_f1": 0.8,
        "date_accuracy": 0.95,
        "count_accuracy": 0.95,
    },
    # Development data since 2026-11-26 10:30 UTC (session 8: team-heldout-10 is the blind set); its errors were read
    # then (codebook 1.9). Measured: P 0.958 R 1.00 type 1.00 units 0.985 places 0.927 via 0.865 date 0.985 count 1.00
    # (blind in session 7: P 0.955 R 0.941 type 0.838 units 0.921-0.937 places 0.887 via 0.824 date 0.868).
    "team-heldout-9": {
        "precision": 0.97,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "units_f1": 0.95,
        "places_f1": 0.9,
        "via_f1": 0.8,
        "date_accuracy": 0.95,
        "count_accuracy": 0.95,
    },
    # Development data since 2026-11-26 11:12 UTC (session 8, round 2: team-heldout-11 is the blind set); its errors
    # were read then (codebook 1.9). Measured: P 0.985 R 0.985 type 0.985 units 0.986 places 0.833 via 1.00 date 0.970
    # count 0.941 (blind at the session's start: P 0.909 R 0.882 type 0.824 units 0.955 places 0.804 via 0.737
    # date 0.848 count 0.853).
    "team-heldout-10": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "units_f1": 0.95,
        "places_f1": 0.8,
        "via_f1": 0.9,
        "date_accuracy": 0.93,
        "count_accuracy": 0.9,
    },
    # Development data since 2026-11-26 11:44 UTC (session 8, round 3), after its blind scores were recorded (P 0.930
    # R 0.779 type 0.735 places 0.724 date 0.779 at 9b1d5b5); its errors were read then. Measured: P 0.940 R 0.926
    # type 0.882 units 0.986 places 0.810 via 0.581 date 0.926 count 0.882. The blind set after it is
    # team-heldout-12 (written and scored at the end of session 8).
    "team-heldout-11": {
        "precision": 0.9,
        "recall": 0.9,
        "type_accuracy": 0.85,
        "units_f1": 0.95,
        "places_f1": 0.78,
        "via_f1": 0.5,
        "date_accuracy": 0.9,
        "count_accuracy": 0.85,
    },
    # Development data since 2026-11-26 13:10 UTC (session 9, round 1: team-heldout-13 is the blind set), after its
    # blind scores were recorded (session 8 end: P 0.915 R 0.794 type 0.779 places 0.771 date 0.750); its errors were
    # read then (codebook 1.10). Measured at session 9's end: P 0.985 R 0.985 type 0.985 units 1.00 places 0.977
    # via 1.00 date 0.956 count 0.971.
    "team-heldout-12": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "units_f1": 0.95,
        "places_f1": 0.9,
        "via_f1": 0.9,
        "date_accuracy": 0.93,
        "count_accuracy": 0.93,
    },
    # Development data since 2026-11-26 14:16 UTC (session 9, round 3; team-heldout-14 was then blind), after its
    # blind scores were recorded (P 0.922 R 0.868 type 0.765 places 0.720 date 0.809 at 8046d40); its errors were read
    # then. Measured: P 1.00 R 1.00 type 0.971 units 0.988 places 0.796 via 0.766 date 0.926 count 0.882.
    "team-heldout-13": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.93,
        "units_f1": 0.95,
        "places_f1": 0.75,
        "via_f1": 0.7,
        "date_accuracy": 0.9,
        "count_accuracy": 0.85,
    },
    # Development data since 2026-11-26 14:41 UTC (session 9, round 4), after its blind scores were recorded (P 0.917
    # R 0.809 type 0.706 places 0.643 date 0.779 at the session's start; P 0.919 R 0.838 type 0.735 places 0.647
    # date 0.794 at 5077964); its errors were read then. Measured: P 0.985 R 0.985 type 0.956 units 0.975 places 0.710
    # via 0.700 date 0.926 count 0.924.
    "team-heldout-14": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.93,
        "units_f1": 0.95,
        "places_f1": 0.68,
        "via_f1": 0.65,
        "date_accuracy": 0.9,
        "count_accuracy": 0.9,
    },
    # Development data since 2026-11-26 15:24 UTC (session 10, rounds 1-4), after its blind scores were recorded
    # (P 0.966 R 0.838 type 0.794 places 0.732 date 0.838 at the session's start); its errors were read then. Measured
    # (session 10 end): P 1.00 R 0.985 type 0.985 units 0.987 places 0.890 via 0.936 date 0.985 count 0.912.
    "team-heldout-15": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "units_f1": 0.95,
        "places_f1": 0.85,
        "via_f1": 0.9,
        "date_accuracy": 0.95,
        "count_accuracy": 0.88,
    },
    # Development data since 2026-11-26 16:30 UTC (session 10, round 5), after its blind scores were recorded (P 0.964
    # R 0.794 type 0.750 places 0.793 date 0.735 at the session's start; P 0.966 R 0.838 type 0.794 places 0.807 date
    # 0.779 after rounds 1-4); its errors were read then. Measured: P 1.00 R 1.00 type 1.00 units 0.978 places 0.878 via
    # 0.772 date 0.941 count 0.882.
    "team-heldout-16": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "units_f1": 0.95,
        "places_f1": 0.85,
        "via_f1": 0.72,
        "date_accuracy": 0.9,
        "count_accuracy": 0.85,
    },
    # Development data since 2026-11-26 23:20 UTC (session 11, round 1), after its blind scores were recorded in its
    # README (session 10: P 0.953 -> 0.977, R 0.719 -> 0.754, type 0.702 -> 0.737); its errors were read then. Measured
    # (session 11): P 1.00 R 0.982 type 0.965 units 0.987 places 0.841 via 0.846 date 0.947 count 0.825.
    "team-heldout-17": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.93,
        "units_f1": 0.95,
        "places_f1": 0.8,
        "via_f1": 0.8,
        "date_accuracy": 0.9,
        "count_accuracy": 0.78,
    },
    # Development data since 2026-11-27 00:00 UTC (session 11, round 3), after its blind scores were recorded (P 0.923
    # R 0.842 type 0.825 at the session's start, P 0.944 R 0.895 type 0.877 after rounds 1-2). Measured: P 1.00 R 0.982
    # type 0.982 units 0.952 places 0.739 via 0.750 date 0.947 count 0.912.
    "team-heldout-18": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "units_f1": 0.92,
        "places_f1": 0.7,
        "via_f1": 0.7,
        "date_accuracy": 0.9,
        "count_accuracy": 0.87,
    },
    # Development data since 2026-11-26 23:35 UTC (session 11, round 2), after its blind scores were recorded (P 0.896
    # R 0.754 type 0.649 at the session's start, P 0.898 R 0.772 type 0.667 after round 1). Measured: P 1.00 R 1.00
    # type 1.00 units 0.989 places 0.922 via 0.720 date 0.965 count 0.912.
    "team-heldout-19": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "units_f1": 0.95,
        "places_f1": 0.87,
        "via_f1": 0.68,
        "date_accuracy": 0.92,
        "count_accuracy": 0.87,
    },
    # Development data since 2026-11-27 00:35 UTC (session 11, rounds 5-6), after its blind scores were recorded
    # (P 0.953 R 0.719 type 0.649 at the session's start; P 0.955 R 0.737 type 0.667 after rounds 1-3). Measured:
    # P 1.00 R 0.982 type 0.965 units 0.989 places 0.844 via 0.783 date 0.877 count 0.842.
    "team-heldout-22": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.93,
        "units_f1": 0.95,
        "places_f1": 0.8,
        "via_f1": 0.74,
        "date_accuracy": 0.84,
        "count_accuracy": 0.8,
    },
    # Development data since 2026-11-27 00:20 UTC (session 11, round 4), after its blind scores were recorded (P 0.889
    # R 0.702 type 0.667 at the session's start; P 0.900 R 0.789 type 0.754 after rounds 1-3). Measured: P 1.00 R 0.965
    # type 0.965 units 0.988 places 0.814 via 0.737 date 0.877 count 0.912.
    "team-heldout-23": {
        "precision": 0.95,
        "recall": 0.93,
        "type_accuracy": 0.93,
        "units_f1": 0.95,
        "places_f1": 0.77,
        "via_f1": 0.7,
        "date_accuracy": 0.84,
        "count_accuracy": 0.87,
    },
    # Development data since 2026-11-27 04:00 UTC (session 12), after its blind scores were recorded (session 11:
    # P 0.944 R 0.895 type 0.860 at its start; P 0.981 R 0.895 type 0.877 places 0.724 date 0.825 at its end).
    # Measured (codebook 1.13, round 1): P 0.981 R 0.895 type 0.877 units 0.943 places 0.812 via 0.857 date 0.860
    # count 0.737; round 3: R 0.912 type 0.895 places 0.822 date 0.877.
    "team-heldout-20": {
        "precision": 0.95,
        "recall": 0.87,
        "type_accuracy": 0.85,
        "units_f1": 0.92,
        "places_f1": 0.78,
        "via_f1": 0.82,
        "date_accuracy": 0.83,
        "count_accuracy": 0.7,
    },
    # Development data since 2026-11-27 04:00 UTC (session 12), after its blind scores were recorded (session 11:
    # P 0.930 R 0.702 type 0.667 at its start; P 0.958 R 0.807 type 0.772 places 0.705 date 0.772 at its end).
    # Measured (codebook 1.13): P 0.965 R 0.965 type 0.930 units 0.976 places 0.859 via 0.818 date 0.930 count 0.754.
    "team-heldout-21": {
        "precision": 0.93,
        "recall": 0.93,
        "type_accuracy": 0.9,
        "units_f1": 0.95,
        "places_f1": 0.82,
        "via_f1": 0.78,
        "date_accuracy": 0.9,
        "count_accuracy": 0.72,
    },
    # Development data since 2026-11-27 04:15 UTC (session 12), after its blind scores were recorded at the session's
    # start and after round 1 (P 0.982 R 0.947 type 0.930 places 0.649 -> 0.671 via 0.500 date 0.825). Measured
    # (codebook 1.13, round 3): P 0.982 R 0.965 type 0.947 units 0.988 places 0.705 via 0.696 date 0.842 count 0.877.
    "team-heldout-24": {
        "precision": 0.95,
        "recall": 0.93,
        "type_accuracy": 0.91,
        "units_f1": 0.95,
        "places_f1": 0.67,
        "via_f1": 0.65,
        "date_accuracy": 0.8,
        "count_accuracy": 0.84,
    },
    # Development data since 2026-11-27 04:15 UTC (session 12), after its blind scores were recorded (P 1.00 R 0.895
    # type 0.825 places 0.701 -> 0.735 date 0.842 -> 0.860). Measured (codebook 1.13, round 3): P 1.00 R 0.947 type
    # 0.930 units 0.987 places 0.821 via 0.750 date 0.895 count 0.825.
    "team-heldout-25": {
        "precision": 0.95,
        "recall": 0.91,
        "type_accuracy": 0.9,
        "units_f1": 0.95,
        "places_f1": 0.74,
        "via_f1": 0.7,
        "date_accuracy": 0.86,
        "count_accuracy": 0.79,
    },
    # Development data since session 13 (2026-11-27), after their blind scores were recorded (26: P 0.964 R 0.930 type
    # 0.895 places 0.758 date 0.860; 27: P 0.963 R 0.912 type 0.842 places 0.828 date 0.807). Measured (codebook 1.14):
    # 26 P 1.00 R 0.982 type 0.982 units 0.980 places 0.813 via 0.778 date 0.965 count 0.895; 27 P 0.982 R 0.965 type
    # 0.930 units 0.977 places 0.855 via 0.842 date 0.912 count 0.930.
    "team-heldout-26": {
        "precision": 0.96,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "units_f1": 0.95,
        "places_f1": 0.78,
        "via_f1": 0.72,
        "date_accuracy": 0.93,
        "count_accuracy": 0.86,
    },
    "team-heldout-27": {
        "precision": 0.95,
        "recall": 0.93,
        "type_accuracy": 0.9,
        "units_f1": 0.95,
        "places_f1": 0.77,
        "via_f1": 0.8,
        "date_accuracy": 0.88,
        "count_accuracy": 0.9,
    },
    # Development data since late in session 13, after their blind scores were recorded (28: P 0.982 R 0.948 type 0.931
    # places 0.753 date 0.914; 29: P 0.946 R 0.914 type 0.914 places 0.811 date 0.914). Measured (codebook 1.14,
    # 67028df): 28 P 1.00 R 0.966 type 0.966 units 0.961 places 0.767 via 0.750 date 0.966 count 0.966; 29 P 0.964
    # R 0.931 type 0.931 units 0.979 places 0.819 via 0.750 date 0.931 count 0.810.
    "team-heldout-28": {
        "precision": 0.96,
        "recall": 0.94,
        "type_accuracy": 0.93,
        "units_f1": 0.93,
        "places_f1": 0.7,
        "via_f1": 0.7,
        "date_accuracy": 0.93,
        "count_accuracy": 0.93,
    },
    "team-heldout-29": {
        "precision": 0.93,
        "recall": 0.9,
        "type_accuracy": 0.9,
        "units_f1": 0.95,
        "places_f1": 0.7,
        "via_f1": 0.7,
        "date_accuracy": 0.9,
        "count_accuracy": 0.78,
    },
    # Development data since session 14, after their blind scores were recorded (start and end of session 13: 30 P
    # 1.000 R 0.983 type 0.931 places 0.706 date 0.931; 31 P 0.929 R 0.897 type 0.897 places 0.818 date 0.828).
    # Measured (codebook 1.15): 30 P 1.000 R 0.983 type 0.983 units 1.000 places 0.722 via 0.667 date 0.931 count
    # 0.862; 31 P 0.981 R 0.897 type 0.897 units 0.969 places 0.841 via 0.800 date 0.845 count 0.828.
    "team-heldout-30": {
        "precision": 0.98,
        "recall": 0.96,
        "type_accuracy": 0.95,
        "units_f1": 0.97,
        "places_f1": 0.69,
        "via_f1": 0.63,
        "date_accuracy": 0.9,
        "count_accuracy": 0.83,
    },
    "team-heldout-31": {
        "precision": 0.95,
        "recall": 0.87,
        "type_accuracy": 0.87,
        "units_f1": 0.94,
        "places_f1": 0.78,
        "via_f1": 0.77,
        "date_accuracy": 0.81,
        "count_accuracy": 0.8,
    },
    # Development data since session 14 (round 2), after their blind scores were recorded at the session's start
    # (32: P 0.949 R 0.966 type 0.966 places 0.796 date 0.931; 33: P 0.879 R 0.879 type 0.879 places 0.757 date 0.862
    # clusters 0.754; 34: P 0.950 R 0.983 type 0.983 places 0.847 date 0.914; 35: P 0.907 R 0.845 type 0.828 places
    # 0.806 date 0.875). Measured (codebook 1.15): 32 P 0.982 R 0.966 type 0.966 places 0.807 date 0.931; 33 P 1.000
    # R 0.931 type 0.931 places 0.776 date 0.914; 34 P 0.983 R 1.000 type 1.000 places 0.853 date 0.931; 35 P 0.982
    # R 0.948 type 0.931 places 0.887 date 0.946.
    "team-heldout-32": {
        "precision": 0.95,
        "recall": 0.94,
        "type_accuracy": 0.94,
        "places_f1": 0.74,
        "date_accuracy": 0.9,
    },
    "team-heldout-33": {
        "precision": 0.97,
        "recall": 0.9,
        "type_accuracy": 0.9,
        "places_f1": 0.72,
        "date_accuracy": 0.88,
    },
    "team-heldout-34": {
        "precision": 0.95,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "places_f1": 0.78,
        "date_accuracy": 0.9,
    },
    "team-heldout-35": {
        "precision": 0.95,
        "recall": 0.92,
        "type_accuracy": 0.9,
        "places_f1": 0.85,
        "date_accuracy": 0.91,
    },
    # Development data since session 14 (round 3), after their blind scores were recorded (start -> end of round 2: 36
    # F1 0.937 -> 0.955, type 0.862 -> 0.879; 37 F1 0.922 -> 0.939, type 0.897 -> 0.914; 38 F1 0.900 -> 0.908, type
    # 0.879; 39 F1 0.860, type 0.793). Measured (codebook 1.15, type models on sets 1-39) in the floors' comments below.
    "team-heldout-36": {
        "precision": 0.97,
        "recall": 0.9,
        "type_accuracy": 0.88,
        "places_f1": 0.69,
        "date_accuracy": 0.87,
    },
    "team-heldout-37": {
        "precision": 0.93,
        "recall": 0.9,
        "type_accuracy": 0.9,
        "places_f1": 0.79,
        "date_accuracy": 0.85,
    },
    "team-heldout-38": {
        "precision": 0.87,
        "recall": 0.9,
        "type_accuracy": 0.87,
        "places_f1": 0.67,
        "date_accuracy": 0.87,
    },
    "team-heldout-39": {
        "precision": 0.93,
        "recall": 0.9,
        "type_accuracy": 0.9,
        "places_f1": 0.72,
        "date_accuracy": 0.88,
    },
    # session 15 (codebook 1.16, type models on sets 1-43), read once their blind scores were recorded
    "team-heldout-40": {
        "precision": 0.97,
        "recall": 0.95,
        "type_accuracy": 0.92,
        "places_f1": 0.84,
        "date_accuracy": 0.88,
    },
    "team-heldout-41": {
        "precision": 0.97,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "places_f1": 0.73,
        "date_accuracy": 0.9,
    },
    "team-heldout-42": {
        "precision": 0.97,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "places_f1": 0.89,
        "date_accuracy": 0.9,
    },
    "team-heldout-43": {
        "precision": 0.97,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "places_f1": 0.84,
        "date_accuracy": 0.9,
    },
    # session 15 round 2 (codebook 1.16, type models on sets 1-47)
    "team-heldout-44": {
        "precision": 0.97,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "places_f1": 0.66,
        "date_accuracy": 0.97,
    },
    "team-heldout-45": {
        "precision": 0.97,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "places_f1": 0.9,
        "date_accuracy": 0.97,
    },
    "team-heldout-46": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.93,
        "places_f1": 0.75,
        "date_accuracy": 0.88,
    },
    "team-heldout-47": {
        "precision": 0.95,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "places_f1": 0.85,
        "date_accuracy": 0.95,
    },
    # session 15 round 3 (type models on sets 1-51)
    "team-heldout-48": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.93,
        "places_f1": 0.68,
        "date_accuracy": 0.93,
    },
    "team-heldout-49": {
        "precision": 0.97,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "places_f1": 0.87,
        "date_accuracy": 0.85,
    },
    "team-heldout-50": {
        "precision": 0.95,
        "recall": 0.88,
        "type_accuracy": 0.88,
        "places_f1": 0.59,
        "date_accuracy": 0.88,
    },
    "team-heldout-51": {
        "precision": 0.97,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "places_f1": 0.55,
        "date_accuracy": 0.95,
    },
    # session 16, codebook 1.17 (type models on sets 1-55)
    "team-heldout-52": {
        "precision": 0.92,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "places_f1": 0.58,
        "date_accuracy": 0.97,
    },
    "team-heldout-53": {
        "precision": 0.97,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "places_f1": 0.79,
        "date_accuracy": 0.97,
    },
    "team-heldout-54": {
        "precision": 0.95,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "places_f1": 0.59,
        "date_accuracy": 0.95,
    },
    "team-heldout-55": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.9,
        "places_f1": 0.56,
        "date_accuracy": 0.93,
    },
    # session 16, codebook 1.17 round 2 (type models on sets 1-59; a region named beside its town is listed, so the
    # places floors of 21 older sets, labelled without it, were lowered)
    "team-heldout-56": {
        "precision": 0.98,
        "recall": 0.98,
        "type_accuracy": 0.98,
        "places_f1": 0.9,
        "date_accuracy": 0.98,
    },
    "team-heldout-57": {
        "precision": 0.98,
        "recall": 0.98,
        "type_accuracy": 0.98,
        "places_f1": 0.85,
        "date_accuracy": 0.98,
    },
    "team-heldout-58": {
        "precision": 0.95,
        "recall": 0.97,
        "type_accuracy": 0.95,
        "places_f1": 0.79,
        "date_accuracy": 0.97,
    },
    "team-heldout-59": {
        "precision": 0.9,
        "recall": 0.98,
        "type_accuracy": 0.95,
        "places_f1": 0.85,
        "date_accuracy": 0.98,
    },
    # session 16, codebook 1.17 round 3 (type models on sets 1-63)
    "team-heldout-60": {
        "precision": 0.92,
        "recall": 0.97,
        "type_accuracy": 0.97,
        "places_f1": 0.87,
        "date_accuracy": 0.97,
    },
    "team-heldout-61": {
        "precision": 0.94,
        "recall": 0.98,
        "type_accuracy": 0.9,
        "places_f1": 0.89,
        "date_accuracy": 0.95,
    },
    "team-heldout-62": {
        "precision": 0.97,
        "recall": 0.98,
        "type_accuracy": 0.95,
        "places_f1": 0.84,
        "date_accuracy": 0.95,
    },
    "team-heldout-63": {
        "precision": 0.98,
        "recall": 0.98,
        "type_accuracy": 0.98,
        "places_f1": 0.86,
        "date_accuracy": 0.98,
    },
    # session 17, codebook 1.18 (type models on sets 1-67): 64 P 0.983 R 1.000 type 0.948 places 0.856 date 0.983;
    # 65 P 0.935 R 1.000 type 1.000 places 0.901 date 0.983; 66 P 0.982 R 0.931 type 0.931 places 0.752 date 0.897;
    # 67 P 0.982 R 0.966 type 0.966 places 0.754 date 0.966
    "team-heldout-64": {
        "precision": 0.97,
        "recall": 0.98,
        "type_accuracy": 0.93,
        "places_f1": 0.84,
        "date_accuracy": 0.97,
    },
    "team-heldout-65": {
        "precision": 0.92,
        "recall": 0.98,
        "type_accuracy": 0.98,
        "places_f1": 0.88,
        "date_accuracy": 0.97,
    },
    "team-heldout-66": {
        "precision": 0.97,
        "recall": 0.92,
        "type_accuracy": 0.92,
        "places_f1": 0.74,
        "date_accuracy": 0.88,
    },
    "team-heldout-67": {
        "precision": 0.97,
        "recall": 0.95,
        "type_accuracy": 0.95,
        "places_f1": 0.74,
        "date_accuracy": 0.95,
    },
    # session 18, codebook 1.19 (type models on sets 1-67, unchanged): sets 68-75 read this session; floors 0.015 under
    # the end code's scores (each set's README, 'Read in session 18')
    "team-heldout-68": {
        "precision": 0.95,
        "recall": 0.93,
        "type_accuracy": 0.92,
        "places_f1": 0.88,
        "date_accuracy": 0.93,
    },
    "team-heldout-69": {
        "precision": 0.97,
        "recall": 0.92,
        "type_accuracy": 0.88,
        "places_f1": 0.85,
        "date_accuracy": 0.86,
    },
    "team-heldout-70": {
        "precision": 0.98,
        "recall": 0.92,
        "type_accuracy": 0.90,
        "places_f1": 0.85,
        "date_accuracy": 0.92,
    },
    "team-heldout-71": {
        "precision": 0.97,
        "recall": 0.93,
        "type_accuracy": 0.86,
        "places_f1": 0.83,
        "date_accuracy": 0.93,
    },
    "team-heldout-72": {
        "precision": 0.90,
        "recall": 0.90,
        "type_accuracy": 0.85,
        "places_f1": 0.70,
        "date_accuracy": 0.90,
    },
    "team-heldout-73": {
        "precision": 0.93,
        "recall": 0.92,
        "type_accuracy": 0.88,
        "places_f1": 0.91,
        "date_accuracy": 0.86,
    },
    "team-heldout-74": {
        "precision": 0.97,
        "recall": 0.97,
        "type_accuracy": 0.93,
        "places_f1": 0.82,
        "date_accuracy": 0.97,
    },
    "team-heldout-75": {
        "precision": 0.93,
        "recall": 0.92,
        "type_accuracy": 0.88,
        "places_f1": 0.81,
        "date_accuracy": 0.90,
    },
    # session 19: sets 76-79, blind in session 18 (their Scores), read in session 19 (codebook 1.20)
    "team-heldout-76": {
        "precision": 0.93,
        "recall": 0.91,
        "type_accuracy": 0.88,
        "places_f1": 0.86,
        "date_accuracy": 0.88,
    },
    "team-heldout-77": {
        "precision": 0.93,
        "recall": 0.93,
        "type_accuracy": 0.91,
        "places_f1": 0.88,
        "date_accuracy": 0.91,
    },
    "team-heldout-78": {
        "precision": 0.98,
        "recall": 0.91,
        "type_accuracy": 0.89,
        "places_f1": 0.78,
        "date_accuracy": 0.88,
    },
    "team-heldout-79": {
        "precision": 0.95,
        "recall": 0.96,
        "type_accuracy": 0.93,
        "places_f1": 0.83,
        "date_accuracy": 0.91,
    },
    # session 20: sets 80-83, blind in session 19 (their Scores), read in session 20 (codebook 1.21)
    "team-heldout-80": {
        "precision": 0.95,
        "recall": 0.96,
        "type_accuracy": 0.95,
        "places_f1": 0.88,
        "date_accuracy": 0.94,
    },
    "team-heldout-81": {
        "precision": 0.95,
        "recall": 0.95,
        "type_accuracy": 0.93,
        "places_f1": 0.85,
        "date_accuracy": 0.94,
    },
    "team-heldout-82": {
        "precision": 0.96,
        "recall": 0.96,
        "type_accuracy": 0.95,
        "places_f1": 0.90,
        "date_accuracy": 0.95,
    },
    "team-heldout-83": {
        "precision": 0.96,
        "recall": 0.95,
        "type_accuracy": 0.93,
        "places_f1": 0.84,
        "date_accuracy": 0.95,
    },
    # session 20, round 2: sets 84-87, scored blind in session 20 (their Scores), then read (codebook 1.21 round 2)
    "team-heldout-84": {
        "precision": 0.98,
        "recall": 0.93,
        "type_accuracy": 0.91,
        "places_f1": 0.86,
        "date_accuracy": 0.89,
    },
    "team-heldout-85": {
        "precision": 0.85,
        "recall": 0.88,
        "type_accuracy": 0.84,
        "places_f1": 0.77,
        "date_accuracy": 0.84,
    },
    "team-heldout-86": {
        "precision": 0.98,
        "recall": 0.93,
        "type_accuracy": 0.93,
        "places_f1": 0.80,
        "date_accuracy": 0.93,
    },
    "team-heldout-87": {
        "precision": 0.95,
        "recall": 0.93,
        "type_accuracy": 0.91,
        "places_f1": 0.72,
        "date_accuracy": 0.89,
    },
    # session 20, round 3: sets 88-91, scored blind in session 20 (their Scores), then read (codebook 1.21 round 3)
    "team-heldout-88": {
        "precision": 0.96,
        "recall": 0.98,
        "type_accuracy": 0.96,
        "places_f1": 0.79,
        "date_accuracy": 0.98,
    },
    "team-heldout-89": {
        "precision": 0.96,
        "recall": 0.94,
        "type_accuracy": 0.91,
        "places_f1": 0.85,
        "date_accuracy": 0.94,
    },
    "team-heldout-90": {
        "precision": 0.98,
        "recall": 0.98,
        "type_accuracy": 0.96,
        "places_f1": 0.84,
        "date_accuracy": 0.96,
    },
    "team-heldout-91": {
        "precision": 0.94,
        "recall": 0.93,
        "type_accuracy": 0.86,
        "places_f1": 0.81,
        "date_accuracy": 0.91,
    },
    # session 7: P 1.00 R 0.556 (5 of 9; was 2 of 9) type 0.444
    "milbloggers-dev": {"precision": 0.9, "recall": 0.5},
    "news-channels-dev": {"precision": 0.95, "recall": 0.99},
}


def _score(name: str) -> dict[str, Any]:
    from sitrep.extract import Extractor, extraction_to_gold, reports_from_docs
    from sitrep.extract.evaluate import score

    folder = IN_REPO / name if (IN_REPO / name).is_dir() else GOLD / name
    if not (folder / "texts.jsonl").exists():
        pytest.skip(f"labelled set {folder} is absent (it lives outside the repository)")
    docs = [json.loads(x) for x in (folder / "texts.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    golds = [json.loads(x) for x in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    exts = Extractor.load().extract_many(reports_from_docs(docs))
    preds = [extraction_to_gold(str(d["id"]), e) for d, e in zip(docs, exts, strict=True)]
    return score(golds, preds).as_dict()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floors(name: str) -> None:
    got = _score(name)
    flat = {**got["relevance"], **{k: v for k, v in got.items() if isinstance(v, float)}}
    low = {k: (flat.get(k), floor) for k, floor in FLOORS[name].items() if (flat.get(k) or 0.0) < floor}
    assert not low, f"{name}: below floor {low}"
