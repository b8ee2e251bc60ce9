"""Design plans and query slots for the fleet catalogue (so prose writers only write text)."""
import json, random
rng = random.Random(4242)
ORGS = ["GH", "SP", "MC", "RD", "BT", "VE", "QC", "LF", "HH", "PT"]
PROBS = [  # key, feature, file
 ("gps_offline","gps","a"),("gps_jumps","gps","a"),("gps_delay","gps","a"),
 ("eld_unassigned","eld","a"),("eld_malfunction","eld","a"),("eld_edit_sync","eld","a"),
 ("cam_upload","dashcam","a"),("cam_false_events","dashcam","a"),("cam_sd_card","dashcam","a"),
 ("fuel_card_declined","fuel","a"),("fuel_unmatched","fuel","a"),("fuel_mpg","fuel","a"),
 ("geo_alert_missing","geofence","a"),("geo_alert_flood","geofence","a"),
 ("hw_activation","hardware","a"),("hw_rma","hardware","a"),("hw_reassign","hardware","a"),
 ("maint_odometer","maintenance","a"),
 ("maint_fault_codes","maintenance","b"),("maint_dvir","maintenance","b"),
 ("app_logout","mobile","b"),("app_battery","mobile","b"),("app_messages","mobile","b"),
 ("route_time_windows","routes","b"),("route_eta","routes","b"),("route_import","routes","b"),
 ("rep_scheduled","reports","b"),("rep_ifta","reports","b"),("rep_timezone","reports","b"),
 ("bill_inactive_devices","billing","b"),("bill_po_number","billing","b"),("bill_suspended","billing","b"),
 ("acc_visibility","access","b"),("acc_sso","access","b"),("acc_password_reset","access","b"),
 ("api_rate_limit","api","b"),("api_webhooks","api","b"),
]
def design():
    plans, queries = {}, {}
    for key, feat, _ in PROBS:
        orgs = rng.sample(ORGS, rng.choice([5, 6, 6, 7]))
        nd = rng.choice([2, 2, 3, 3])
        plan = {}
        for o in orgs[:nd]:
            letters = "n" * rng.choice([1, 1, 2, 2, 3]) + rng.choice(["", "", "s", "c", "o"])
            plan[o] = letters
        solved_org = orgs[nd]
        plan[solved_org] = rng.choice(["s", "c", "sc", "s"])
        for o in orgs[nd + 1:]:
            plan[o] = rng.choice(["o", "p", "h", "s", "c", "n", "oc"])
        plans[key] = plan
    for key, feat, _ in PROBS:
        plan = plans[key]
        slots = []
        dup_orgs = [o for o, l in plan.items() if "n" in l]
        k = rng.choice([2, 2, 3, 3]) if len(dup_orgs) >= 2 else 2
        for i in range(k):
            slots.append((dup_orgs[i % len(dup_orgs)], "duplicate"))
        absent = [o for o in ORGS if o not in plan]
        solved = [o for o, l in plan.items() if set(l) <= {"s", "c"}]
        siblings = [k2 for k2, f2, _ in PROBS if f2 == feat and k2 != key]
        hn = [o for o in absent if any("n" in plans[s].get(o, "") for s in siblings)]
        r = rng.random()
        if absent and rng.random() < 0.8:
            slots.append((rng.choice(absent), "other_org_only"))
        if solved and rng.random() < 0.6:
            slots.append((rng.choice(solved), "solved_only"))
        used = {o for o, _ in slots}
        hn = [o for o in hn if o not in used]
        if hn and rng.random() < 0.6:
            slots.append((rng.choice(hn), "hard_negative"))
        queries[key] = slots
    return plans, queries
plans, queries = design()
import collections
c = collections.Counter(k for s in queries.values() for _, k in s)
print(c, sum(c.values()))
out = []
for key, feat, f in PROBS:
    plan = " ".join(f"{o}:{l}" for o, l in sorted(plans[key].items()))
    out.append(dict(key=key, feature=feat, file=f, plan=plan, queries=queries[key]))
json.dump(out, open("/work/main/.local/domain2/design.json", "w"), indent=1)
for d in out: print(d["key"], d["plan"], d["queries"])
