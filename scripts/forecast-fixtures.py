#!/usr/bin/env python3
"""Reference fits for src/lib/forecast: statsmodels' ExponentialSmoothing on two monthly series.

Run with Debian's Python, which has statsmodels (`sudo apt-get install -y python3-statsmodels`, 0.13.5):

    /usr/bin/python3 scripts/forecast-fixtures.py

It writes one JSON file per series into src/lib/forecast/fixtures/: for each model form, the fitted smoothing
parameters and initial states, the SSE, the one-step fitted values and 24 forecasts. The unit tests read them; they
need no Python.
"""
import csv
import json
import os
import sys
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.holtwinters import ExponentialSmoothing

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "lib", "forecast", "fixtures")
HORIZON = 24

# Box, Jenkins & Reinsel, series G: international airline passengers, thousands, monthly 1949-1960 (public domain).
AIRLINE = [
    112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118,
    115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140,
    145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166,
    171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172, 194,
    196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201,
    204, 188, 235, 227, 234, 264, 302, 293, 259, 229, 203, 229,
    242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278,
    284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271, 306,
    315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336,
    340, 318, 362, 348, 363, 435, 491, 505, 404, 359, 310, 337,
    360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405,
    417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432,
]

# Model forms: (code, trend, damped, seasonal), in statsmodels' terms.
FORMS = [
    ("ANN", None, False, None),
    ("AAN", "add", False, None),
    ("AAdN", "add", True, None),
    ("AAA", "add", False, "add"),
    ("AAdA", "add", True, "add"),
    ("AAM", "add", False, "mul"),
]


def bundled_series(marketplace, country):
    path = os.path.join(ROOT, "datasets", "marketplace-traffic.csv")
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["marketplace"] == marketplace and r["country"] == country]
    rows.sort(key=lambda r: r["month"])
    return [float(r["visitors"]) for r in rows]


def fit_form(values, trend, damped, seasonal):
    model = ExponentialSmoothing(
        np.asarray(values, dtype=float),
        trend=trend,
        damped_trend=damped,
        seasonal=seasonal,
        seasonal_periods=12 if seasonal else None,
        initialization_method="estimated",
    )
    # The default optimiser stops early on some series (a ConvergenceWarning): keep the best of a few.
    fits = []
    for method in ("L-BFGS-B", "least_squares", "Powell"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fits.append((model.fit(method=method), method))
    result, method = min(fits, key=lambda pair: pair[0].sse)
    p = result.params
    return {
        "params": {
            "alpha": float(p["smoothing_level"]),
            "beta": float(p["smoothing_trend"]) if trend else 0.0,
            "gamma": float(p["smoothing_seasonal"]) if seasonal else 0.0,
            "phi": float(p["damping_trend"]) if damped else 1.0,
        },
        "initial": {
            "level": float(p["initial_level"]),
            "trend": float(p["initial_trend"]) if trend else 0.0,
            "seasonals": [float(s) for s in np.atleast_1d(p["initial_seasons"])] if seasonal else [],
        },
        "sse": float(result.sse),
        "fitted": [float(v) for v in result.fittedvalues],
        "optimiser": method,
        "forecast": [float(v) for v in result.forecast(HORIZON)],
        "forecast_from_states": forecast_from_states(result, trend, damped, seasonal),
    }


def forecast_from_states(result, trend, damped, seasonal):
    """Forecasts from the final states by FPP's formula, l_T + phi_h b_T combined with s_{T+h-m(k+1)}.

    statsmodels 0.13.5 forecasts steps m, 2m, ... with the seasonal of one season earlier (statsmodels issue #9538,
    fixed by pull request #10230), so its own `forecast` differs from the formula at those steps only.
    """
    p = result.params
    phi = float(p["damping_trend"]) if damped else 1.0
    level = float(result.level[-1])
    slope = float(result.trend[-1]) if trend else 0.0
    season = [float(s) for s in result.season[-12:]] if seasonal else []
    out = []
    for h in range(1, HORIZON + 1):
        base = level + sum(phi ** j for j in range(1, h + 1)) * slope
        if seasonal == "mul":
            out.append(base * season[(h - 1) % 12])
        elif seasonal == "add":
            out.append(base + season[(h - 1) % 12])
        else:
            out.append(base)
    return out


def write_fixture(name, description, values):
    fixture = {
        "description": description,
        "generator": "scripts/forecast-fixtures.py, statsmodels " + statsmodels.__version__,
        "period": 12,
        "horizon": HORIZON,
        "values": values,
        "models": {code: fit_form(values, t, d, s) for code, t, d, s in FORMS},
    }
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")


def main():
    assert len(AIRLINE) == 144 and sum(AIRLINE) == 40363, "airline series mistyped"
    write_fixture("airline", "International airline passengers, thousands, 1949-01 to 1960-12 (Box & Jenkins)", AIRLINE)
    russia = bundled_series("AliExpress", "RU")
    assert len(russia) == 156, "expected 2013-01 to 2025-12"
    write_fixture("aliexpress-ru", "AliExpress visitors in Russia, 2013-01 to 2025-12 (bundled synthetic data)", russia)
    return 0


if __name__ == "__main__":
    sys.exit(main())
