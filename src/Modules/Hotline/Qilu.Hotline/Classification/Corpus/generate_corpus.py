#!/usr/bin/env python3
"""Generates Data/corpus.csv, the labelled 12345 corpus the hotline classifier trains and is measured on.

Reproducible: `python3 generate_corpus.py` (seed 12345 by default, Python >= 3.8, standard library only) rewrites
../Data/corpus.csv byte for byte. The corpus is SYNTHETIC: utterances are composed from the per-category slot grammar
in grammar.txt (subjects S, problems P, questions Q) and the shared carrier slots below (frames, places across
Shandong, times, caller introductions, impacts, demands, typing noise, mentions of other categories).

Hold-out, so that the test split is not "the training sentences with the names swapped":
  * frames:  a quarter of the carrier sentences (FRAMES/ASK_FRAMES) are used only in test rows;
  * places:  four of the sixteen cities (and a quarter of roads and estates) appear only in test rows;
  * phrasing: per category a quarter of the subjects S, of the problems P and of the questions Q never occur in
    training. Test rows marked seen=0 contain exactly one such unseen core value; seen=1 test rows recombine seen
    core values in unseen frames and places. split=probe rows have BOTH core values unseen: a harder diagnostic
    that is reported but is not what the accuracy targets are measured on.
Columns: text,code,split,seen. Texts never contain ASCII commas, quotes or line breaks (the loader splits on ',').
"""
import argparse
import math
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

CITIES = {
    "济南": "历下区 市中区 槐荫区 天桥区 历城区 长清区 章丘区 济阳区 莱芜区 钢城区 平阴县 商河县",
    "青岛": "市南区 市北区 黄岛区 崂山区 李沧区 城阳区 即墨区 胶州市 平度市 莱西市",
    "淄博": "张店区 淄川区 博山区 临淄区 周村区 桓台县 高青县 沂源县",
    "枣庄": "薛城区 峄城区 台儿庄区 山亭区 滕州市",
    "东营": "东营区 河口区 垦利区 利津县 广饶县",
    "烟台": "芝罘区 福山区 牟平区 莱山区 蓬莱区 龙口市 莱阳市 莱州市 招远市 栖霞市 海阳市",
    "潍坊": "潍城区 寒亭区 坊子区 奎文区 青州市 诸城市 寿光市 安丘市 高密市 昌邑市 临朐县 昌乐县",
    "济宁": "任城区 兖州区 曲阜市 邹城市 微山县 鱼台县 金乡县 嘉祥县 汶上县 泗水县 梁山县",
    "泰安": "泰山区 岱岳区 新泰市 肥城市 宁阳县 东平县",
    "威海": "环翠区 文登区 荣成市 乳山市",
    "日照": "东港区 岚山区 五莲县 莒县",
    "临沂": "兰山区 罗庄区 河东区 沂南县 郯城县 沂水县 兰陵县 费县 平邑县 莒南县 蒙阴县 临沭县",
    "德州": "德城区 陵城区 乐陵市 禹城市 宁津县 庆云县 临邑县 齐河县 平原县 夏津县 武城县",
    "聊城": "东昌府区 茌平区 临清市 阳谷县 莘县 东阿县 冠县 高唐县",
    "滨州": "滨城区 沾化区 惠民县 阳信县 无棣县 博兴县 邹平市",
    "菏泽": "牡丹区 定陶区 曹县 单县 成武县 巨野县 郓城县 鄄城县 东明县",
}
ROADS = ("经十路 泉城路 解放路 和平路 人民路 建设路 文化路 胜利街 新华路 长江路 黄河路 泰山路 青年路 工业南路 花园路 "
         "北园大街 香港中路 东风街 幸福街 振兴路 滨河路 商业街 健康路 银河路 府前街 民生路 海尔路 正阳路 东方红大街 "
         "齐鲁大道 东关街 金山大道 奎文门街 兰山路").split()
ESTATES = ("阳光花园 幸福家园 锦绣城 翡翠郡 名士豪庭 领秀城 山水华府 金色家园 和谐佳苑 丽景苑 书香门第 东方花园 怡和苑 "
           "机械厂宿舍 纺织厂家属院 嘉园 世纪城 御景湾 滨河小区 绿地新城 碧桂园 万科城 恒大名都 新世纪花园 桃园小区 "
           "棉纺厂宿舍 丁香苑 清河小区 华润置地 东湖湾").split()
LANDMARKS = "人民医院 第一中学 实验小学 万达广场 火车站 汽车站 银座商城 人民公园 体育中心 农贸市场 大学城 高铁站 步行街 老城区".split()
TOWNS = "王庄镇 李集镇 大店镇 马站镇 柳林镇 辛店镇 杨柳镇 高庄镇 石桥镇 龙泉镇".split()
VILLAGES = "张家村 后李村 东王庄村 西刘村 前屯村 北辛庄村 小河村 杨家洼村 南营村 赵家庄村".split()

INTROS = ["", "", "", "我姓王，", "您好，我是这里的业主，", "我是一名退休职工，", "我是学生家长，", "我替我父母打的电话，",
          "我是附近居民，", "你好，", "我是外地来打工的，", "我是快递小哥，", "我是个体户，", "我是一名外卖骑手，",
          "我是村民，", "我是企业负责人，", "我是顾客，", "我是租户，", "我是老师，", "我今年七十多了，", "我姓刘，",
          "我是上班族，", "我是一位老党员，", "您好我姓张，", "我是一名孕妇，", "我是残疾人，", "喂喂，", "我是大学生，"]
TIMES = ["这几天", "最近一个月", "从上周开始", "每天晚上", "今天早上", "已经半年了", "大概十天前", "整个暑假", "节后",
         "每天夜间", "周末", "昨天下午三点多", "连续三天了", "入冬以来", "这两年", "从去年开始", "每天早上六点",
         "一到下雨天", "今年以来", "前天晚上", "上个月中旬", "春节前后", "国庆期间", "这阵子"]
IMPACTS = ["居民苦不堪言", "已经影响到正常生活了", "邻居们都十分气愤", "损失很大", "实在没办法了", "大家意见很大",
           "老人孩子很不方便", "存在很大安全隐患", "根本休息不好", "已经投诉过好几次", "已经影响到健康了", "心里很着急",
           "耽误了不少事", "找了好几个部门都说不归他们管", "群众反映强烈", "家里人都很担心", "一直没有结果",
           "我们都不知道该找谁", "来回跑了好几趟", "给生活带来很大困扰"]
DEMANDS = ["尽快处理", "派人来看看", "给个答复", "依法处理", "尽快解决", "严肃查处", "出面协调", "给个说法",
           "回电告知处理结果", "督促整改", "帮忙解决", "尽快落实", "调查清楚", "相关部门管一管", "尽早解决",
           "核实处理", "早日解决", "抓紧处理"]

# Carrier sentences. {i} intro, {p} place, {t} time, {c} core (subject+problem), {m} impact, {d} demand.
FRAMES = [
    "{i}{p}{c}，{t}都这样，{m}，希望{d}。",
    "来电人反映：{t}，{p}{c}。来电人要求{d}。",
    "市民来电称{p}{c}，{m}，诉求{d}。",
    "{c}！！{p}，请{d}",
    "{i}反映{p}{c}的问题，{t}一直这样，希望{d}。",
    "{p}，{c}，{m}。请{d}",
    "喂，{i}就是{p}那边{c}，{t}都这样，{m}，盼望{d}。",
    "反映问题：{p}{c}，希望{d}",
    "{t}{p}{c}，已经反映过好几次了，请{d}。",
    "来电反映{p}{c}，{m}，要求{d}",
    "诉求人称：{p}{c}。{m}。诉求：{d}。",
    "{i}我想问一下，{p}{c}这个事到底有没有人管？请{d}",
    "{p}{t}{c}，请{d}。",
    "网友留言：{p}{c}，{m}，请{d}！",
    "{c}，地址在{p}，{t}开始的，希望{d}",
    "我要投诉{p}{c}，{m}",
    "{i}{t}发现{p}{c}，拍了照片，请{d}。",
    "{p}{c}{m}请{d}",
    "来电人称其在{p}，{c}，{t}，要求{d}。",
    "{i}{c}，{p}，{m}，麻烦你们{d}",
    "情况是这样的，{p}{c}，{t}就开始了，{m}，希望{d}。",
    "领导您好，{p}{c}，{m}，恳请{d}。",
    "关于{p}{c}的问题：{t}，{m}，请{d}",
    "{i}{p}，{c}。之前打过12345了没解决，请{d}",
    "再次反映！{p}{c}，{t}依旧，请{d}",
    "{p}那个{c}，{m}，谁来管管",
    "急！{p}{c}，请{d}",
    "{i}住在{p}，{c}，{t}，{m}，希望{d}。",
    "来电人表示，{t}，{p}{c}，{m}，来电人希望{d}。",
    "{c}（{p}），{m}，望{d}",
    "帮忙转一下相关部门：{p}{c}，请{d}。",
    "{p}{c}，这事到底归谁管，请{d}",
    "{i}在{p}这边{c}，{m}，望{d}",
    "诉求内容：{t}{p}{c}。诉求目的：{d}。",
    "{i}{t}{p}{c}，{m}。",
    "来电人来电反映{p}{c}，并称{m}，请相关部门{d}。",
]
# Questions (咨询件). {q} question, {p} place, {i} intro, {d} demand.
ASK_FRAMES = [
    "咨询一下，{q}？",
    "{i}想咨询{q}",
    "来电人咨询：{q}。",
    "请问{q}，我在{p}",
    "你好，问个事，{q}",
    "{q}？在哪里能查到",
    "来电咨询{q}，来电人在{p}",
    "我想了解一下{q}，请{d}",
    "{i}{q}啊？",
    "问一下{q}，谢谢",
    "来电人询问{q}，希望工作人员回电告知",
    "{i}我在{p}，{q}",
]
# Earlier calls about something else, or a second matter at the end: other categories' words in the text.
MENTION_BEFORE = ["之前因为{s}的事也打过电话，这次是", "上回反映的{s}已经解决了，现在", "除了{s}的问题，还有就是"]
MENTION_AFTER = ["另外{s}{p}也没人管。", "顺便说一下{s}{p}。"]
FILLERS = ["嗯，", "那个，", "就是说，", "怎么说呢，", "呃，"]
TAILS = ["（来电人情绪激动）", "（已核实地址）", "（来电人要求保密）", "（多次来电）", "（来电人普通话不标准）"]


def parse_grammar(path):
    cats, cur = {}, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                code, name = line[1:].split(maxsplit=1)
                cur = cats[code] = {"name": name, "S": [], "P": [], "Q": []}
            else:
                key, values = line.split(maxsplit=1)
                cur[key] = values.split("|")
    return cats


def level3_codes(taxonomy_path):
    with open(taxonomy_path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split(",") for l in f.readlines()[1:] if l.strip()]
    return [r[0] for r in rows if r[1] == "3"]


def split_values(rng, values, fraction=0.25):
    """Shuffles a copy and returns (seen, held_out); at least one value is held out when there are two or more."""
    vals = list(values)
    rng.shuffle(vals)
    k = max(1, math.floor(len(vals) * fraction)) if len(vals) >= 2 else 0
    return vals[k:], vals[:k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=12345)
    ap.add_argument("--train", type=int, default=56, help="training rows per category")
    ap.add_argument("--test", type=int, default=14, help="held-out rows per category")
    ap.add_argument("--probe", type=int, default=4, help="both-slots-unseen diagnostic rows per category")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "Data", "corpus.csv"))
    args = ap.parse_args()

    grammar = parse_grammar(os.path.join(HERE, "grammar.txt"))
    codes = level3_codes(os.path.join(HERE, "..", "Data", "taxonomy.csv"))
    missing = sorted(set(codes) - set(grammar))
    extra = sorted(set(grammar) - set(codes))
    if missing or extra:
        sys.exit(f"grammar and taxonomy disagree: missing {missing}, unknown {extra}")

    rng = random.Random(args.seed)
    frames_train, frames_test = split_values(rng, FRAMES)
    ask_train, ask_test = split_values(rng, ASK_FRAMES)
    city_names = sorted(CITIES)
    rng.shuffle(city_names)
    cities_test, cities_train = city_names[:4], city_names[4:]
    roads_train, roads_test = split_values(rng, ROADS)
    estates_train, estates_test = split_values(rng, ESTATES)

    slots = {}
    for code in codes:
        g = grammar[code]
        s_seen, s_new = split_values(rng, g["S"])
        p_seen, p_new = split_values(rng, g["P"])
        q_seen, q_new = split_values(rng, g["Q"]) if len(g["Q"]) >= 2 else (g["Q"], [])
        slots[code] = dict(S=s_seen, S_new=s_new, P=p_seen, P_new=p_new, Q=q_seen, Q_new=q_new)

    def place(test):
        city = rng.choice(cities_test if test and rng.random() < 0.5 else cities_train)
        district = rng.choice(CITIES[city].split())
        roads = roads_test if test and rng.random() < 0.5 else roads_train
        estates = estates_test if test and rng.random() < 0.5 else estates_train
        form = rng.randrange(9)
        if form == 0:
            return f"{district}{rng.choice(roads)}"
        if form == 1:
            return f"{city}市{district}{rng.choice(estates)}"
        if form == 2:
            return f"{district}{rng.choice(estates)}{rng.randint(1, 30)}号楼"
        if form == 3:
            a, b = rng.sample(roads, 2)
            return f"{city}{a}和{b}路口"
        if form == 4:
            return f"{district}{rng.choice(TOWNS)}{rng.choice(VILLAGES)}"
        if form == 5:
            return f"{district}{rng.choice(LANDMARKS)}附近"
        if form == 6:
            estate = rng.choice(estates)
            return f"{estate}{'' if estate.endswith('小区') else '小区'}门口"
        if form == 7:
            return f"{city}{rng.choice(roads)}{rng.randint(1, 300)}号"
        return ""  # the caller did not say where

    def other_mention(code):
        other = rng.choice([c for c in codes if c != code])
        return slots[other]

    def noisy(text):
        r = rng.random()
        if r < 0.08:
            text = re.sub(r"[，。！？：；、（）]", "", text)
        elif r < 0.18:
            text = rng.choice(FILLERS) + text
        if rng.random() < 0.05:
            text += rng.choice(TAILS)
        if rng.random() < 0.07:
            text += f"联系电话1{rng.randint(30, 99)}****{rng.randint(1000, 9999)}"
        return text

    def compose(code, kind):
        """kind: train | seen (test, seen core) | one (test, one unseen core value) | two (probe)."""
        s = slots[code]
        test = kind != "train"
        frames, asks = (frames_test, ask_test) if test else (frames_train, ask_train)
        # Roughly one ticket in eight is a question (咨询件).
        use_q = kind != "two" and rng.random() < 0.13 and (s["Q"] or s["Q_new"])
        if use_q:
            pool = s["Q_new"] if kind == "one" and s["Q_new"] else s["Q"] or s["Q_new"]
            q = rng.choice(pool)
            text = rng.choice(asks).format(q=q, p=place(test), i=rng.choice(INTROS), d=rng.choice(DEMANDS))
            seen = 0 if q in s["Q_new"] else 1
            return noisy(text), seen
        if kind == "train" or kind == "seen":
            subj, prob = rng.choice(s["S"]), rng.choice(s["P"])
        elif kind == "one":
            if rng.random() < 0.5:
                subj, prob = rng.choice(s["S_new"]), rng.choice(s["P"])
            else:
                subj, prob = rng.choice(s["S"]), rng.choice(s["P_new"])
        else:
            subj, prob = rng.choice(s["S_new"]), rng.choice(s["P_new"])
        core = prob if subj in prob else subj + prob  # "税控盘" + "税控盘用不了" says it once
        text = rng.choice(frames).format(i=rng.choice(INTROS), p=place(test), t=rng.choice(TIMES), c=core,
                                         m=rng.choice(IMPACTS), d=rng.choice(DEMANDS))
        r = rng.random()
        if r < 0.12:
            o = other_mention(code)
            text = rng.choice(MENTION_BEFORE).format(s=rng.choice(o["S"])) + text
        elif r < 0.18:
            o = other_mention(code)
            text = text + rng.choice(MENTION_AFTER).format(s=rng.choice(o["S"]), p=rng.choice(o["P"]))
        seen = 1 if kind in ("train", "seen") else 0
        return noisy(text), seen

    rows, texts = [], set()
    for code in codes:
        plan = (["train"] * args.train + ["seen"] * (args.test * 3 // 7) + ["one"] * (args.test - args.test * 3 // 7)
                + ["two"] * args.probe)
        for kind in plan:
            for _ in range(50):
                text, seen = compose(code, kind)
                if text not in texts:
                    break
            texts.add(text)
            split = "train" if kind == "train" else "probe" if kind == "two" else "test"
            if any(ch in text for ch in ",\"\n\r"):
                sys.exit(f"text would break the CSV: {text}")
            rows.append((text, code, split, seen))
    rng.shuffle(rows)

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("text,code,split,seen\n")
        for text, code, split, seen in rows:
            f.write(f"{text},{code},{split},{seen}\n")
    counts = {}
    for _, _, split, seen in rows:
        counts[(split, seen)] = counts.get((split, seen), 0) + 1
    print(f"seed {args.seed}: {len(rows)} rows, {len(codes)} categories; " +
          ", ".join(f"{k[0]}/seen={k[1]}: {v}" for k, v in sorted(counts.items())))
    print(f"held-out cities: {' '.join(sorted(cities_test))}; held-out frames: {len(frames_test)}/{len(FRAMES)}")


if __name__ == "__main__":
    main()
