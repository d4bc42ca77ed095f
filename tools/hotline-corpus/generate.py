#!/usr/bin/env python3
"""Builds the labelled 12345 corpus the Hotline classifier is trained and measured on.

Real 12345 tickets are personal data and not published, so the project composes its own: each ticket combines a
situation (诉求情形) of a taxonomy leaf with a caller's framing, a place, a time, a consequence and a request, then
applies colloquial rewording. To keep the held-out measurement honest, the TEST split uses framings, places, times,
consequences and requests that never occur in TRAIN, and rewords more aggressively, so a classifier is scored on
phrasing it has not seen. Moreover one situation of every leaf is held out of TRAIN entirely and makes up half of that
leaf's TEST tickets (column `seen` = 0): those measure generalisation to a new complaint of a known class, where only
the class's vocabulary (施工, 工地, 噪音 …) is shared, as between real tickets.

Usage: python3 tools/hotline-corpus/generate.py  (deterministic: fixed seed; writes the CSVs next to the module)
"""
import csv, os, random
from taxonomy import TAXONOMY, UNIT_KINDS

SEED = 12345
TRAIN_PER_LEAF, TEST_PER_LEAF = 48, 16
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Modules", "Hotline", "Qilu.Hotline", "Classification", "Data")

FRAMES = {
 "train": ["您好，{who}，{where}{when}{what}，{effect}，{ask}。", "{who}，反映{where}{what}的问题，{when}一直这样，{ask}。",
           "我要投诉，{where}{what}，{effect}，{ask}！", "{where}{when}{what}，{ask}。", "咨询一下，{what}，{ask}？",
           "{who}，{when}{where}{what}，已经反映过没人处理，{ask}。", "{what}，{where}，{effect}。", "反映问题：{where}{what}，{ask}"],
 "test":  ["喂，{who}啊，就是{where}那边{what}，{when}都这样，{effect}，{ask}。", "市民来电称{where}{what}，{effect}，诉求{ask}。",
           "来电人反映：{when}，{where}{what}。来电人要求{ask}。", "{what}！！{where}，{ask}", "请问{what}这个事情归谁管？{where}，{ask}",
           "{who}。{what}（{where}），{effect}，麻烦{ask}"],
}
WHO = {"train": ["我是附近的居民", "我是这里的业主", "我姓王", "我是一名退休职工", "我是外地来济南打工的", "我是个体户", "我是学生家长", "我是公司职员"],
       "test":  ["俺是村里的", "我是租户", "我是一位老党员", "我是青岛的市民", "我是快递小哥", "我替我父母打的电话"]}
WHERE = {"train": ["历下区文化东路附近", "市中区某小区", "槐荫区经十路上", "天桥区北园大街", "历城区洪家楼", "高新区舜华路", "长清区大学城", "章丘区明水街道"],
         "test":  ["市南区香港中路", "崂山区海尔路旁边", "黄岛区长江路", "李沧区某社区", "城阳区正阳路", "即墨区蓝鳌路"]}
WHEN = {"train": ["最近一个月", "这几天", "从上周开始", "每天晚上", "已经半年了", "今天早上"],
        "test":  ["前天", "入冬以来", "整个暑假", "大概十天前", "节后"]}
EFFECT = {"train": ["严重影响生活", "大家意见很大", "老人孩子都受不了", "存在安全隐患", "损失很大", "影响正常工作"],
          "test":  ["居民苦不堪言", "心里很着急", "已经影响到健康了", "邻居们都很气愤", "实在没有办法了"]}
ASK = {"train": ["希望有关部门尽快处理", "请相关部门核实解决", "请给个答复", "希望尽快解决", "请派人来看看", "要求依法处理"],
       "test":  ["盼望政府出面协调", "请职能部门落实", "请尽快回电", "希望给个说法", "望早日解决"]}
SYNONYMS = [("小区", "社区"), ("没人管", "无人处理"), ("好几天", "连续几天"), ("太", "特别"), ("很", "十分"), ("怎么", "如何"),
            ("孩子", "小孩"), ("晚上", "夜间"), ("凌晨", "半夜"), ("公司", "单位"), ("老板", "负责人"), ("不给", "拒绝"),
            ("问题", "情况"), ("一直", "始终"), ("什么时候", "啥时候"), ("申请", "申办"), ("办理", "办"), ("没有", "没")]

def reword(text, rng, p):
    for a, b in SYNONYMS:
        if a in text and rng.random() < p:
            text = text.replace(a, b)
    return text

def compose(leaf_situations, split, rng):
    what = rng.choice(leaf_situations)
    frame = rng.choice(FRAMES[split])
    text = frame.format(who=rng.choice(WHO[split]), where=rng.choice(WHERE[split]), when=rng.choice(WHEN[split]),
                        what=what, effect=rng.choice(EFFECT[split]), ask=rng.choice(ASK[split]))
    return reword(text, rng, 0.25 if split == "train" else 0.6)

def main():
    rng = random.Random(SEED)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "taxonomy.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["code", "level", "name", "parent", "unit_kind"])
        for c1, n1, mids in TAXONOMY:
            w.writerow([c1 + "0000", 1, n1, "", ""])
            for c2, n2, leaves in mids:
                w.writerow([c1 + c2 + "00", 2, n2, c1 + "0000", ""])
                for c3, n3, kind, _ in leaves:
                    assert kind in UNIT_KINDS, kind
                    w.writerow([c1 + c2 + c3, 3, n3, c1 + c2 + "00", kind])
    rows = []
    for c1, _, mids in TAXONOMY:
        for c2, _, leaves in mids:
            for c3, _, _, situations in leaves:
                code = c1 + c2 + c3
                held_out = rng.randrange(len(situations))
                known = [x for i, x in enumerate(situations) if i != held_out]
                for split, pool, n, flag in (("train", known, TRAIN_PER_LEAF, 1), ("test", known, TEST_PER_LEAF // 2, 1),
                                             ("test", [situations[held_out]], TEST_PER_LEAF // 2, 0)):
                    texts = set()
                    attempts = 0
                    while len(texts) < n and attempts < 10000:
                        texts.add(compose(pool, split, rng))
                        attempts += 1
                    rows += [(t, code, split, flag) for t in sorted(texts)]
    rng.shuffle(rows)
    with open(os.path.join(OUT, "corpus.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "code", "split", "seen"])
        w.writerows(rows)
    print(f"{len(rows)} tickets ({sum(r[2]=='train' for r in rows)} train, {sum(r[2]=='test' for r in rows)} test) in {os.path.normpath(OUT)}")

if __name__ == "__main__":
    main()
