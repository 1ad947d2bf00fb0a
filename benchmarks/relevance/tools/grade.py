"""Grades the pooled sections of benchmarks/relevance/queries.txt by the rules in ../README.md.

Run in a folder holding queries.txt and pool/ (from `dotnet run --project benchmarks/SearchEngine.Benchmarks --
relevance-pool queries.txt pool`); writes queries.json (and auto.json, the same list) and prints grade counts.
The engine's ranks are not read: the pool only says which sections to grade.
"""
import json, re, sys
S=[json.loads(l) for l in open('pool/sections.jsonl')]
byid={(s['doc'],s['section']):s for s in S}
P=[json.loads(l) for l in open('pool/pool.jsonl')]
# kind per query: term / instrument / multi / title / number
KIND={}
lines=[l.strip() for l in open('queries.txt') if l.strip()]
TITLE={'专利代理条例','深圳经济特区数据条例','战略性新兴产业发展规划','长株潭国家自主创新示范区','政府网站集约化'}
NUMBER={'赣府厅发〔2020〕4号'}
INSTR={'补贴','人才引进','专精特新','融资担保','知识产权','招商引资','产业基金','科技成果转化','首台','抽检','药品集中采购','专项附加扣除','防震减灾','幼儿园','绩效考核','数据交易','个人信息'}
def kind(q):
    if q in TITLE: return 'title'
    if q in NUMBER: return 'number'
    if ' ' in q: return 'multi'
    if q in INSTR: return 'topic'
    return 'technology'
def lead(body):
    m=re.search(r'[。；！？]', body[:80])
    return body[:m.end()] if m else body[:60]
PUNCT='，。；：、,;:（）()！？ '
def listed(t, text):
    # the term's clause (between punctuation marks) is an item of an enumeration: a 、 on either side
    i=text.find(t)
    if i<0: return False
    l=i-1
    while l>=0 and text[l] not in PUNCT: l-=1
    r=i+len(t)
    while r<len(text) and text[r] not in PUNCT: r+=1
    return (l>=0 and text[l]=='、') or (r<len(text) and text[r]=='、')
def term_grade(t, s):
    path=[h for h in s['heading'].split(' / ')] if s['heading'] else []
    own=path[-1] if path else ''
    parents=path[:-1]
    body=s['body']; c=body.count(t); L=lead(body)
    dens=c*len(t)/max(len(body),1)
    if t in own: return 2 if listed(t, own) else 3
    paras=[p for p in body.split('\n') if p.strip()]
    for p in paras:
        m=re.match(r'^[^。；：:！？]{1,20}[。：:]', p)
        if m and t in m.group(0) and not listed(t, m.group(0)): return 3   # a run-in item title (专栏 item) names it
    for p in paras[1:]:
        pl=lead(p)
        if t in pl and not listed(t, pl) and p.count(t)>=2: return 3   # a paragraph led by it
    if t in L and not listed(t, L) and c>=2: return 3
    if c>=3 and dens>=0.02: return 3
    if any(t in p and not listed(t, p) for p in parents): return 2
    if c>=2 or (t in L and not listed(t, L)) or any(t in lead(p) and not listed(t, lead(p)) for p in paras): return 2
    if c==1 or any(t in p for p in parents): return 1
    return 0
def grade(q, s, titles):
    k=kind(q)
    if k in ('title','number'):
        text=s['heading']+s['body']
        if q in s['title'] or (k=='number' and any(q in x['body'] for x in S if x['doc']==s['doc'])):
            first=min(x['section'] for x in S if x['doc']==s['doc'] and (q in x['body'] or k=='title'))
            if k=='number': return 3 if q in s['body'] else 1
            return 3 if s['section']==first else 1
        return 1 if q in text else 0
    ws=q.split()
    gs=[term_grade(w,s) for w in ws]
    floor=1 if all(w in s['title'] for w in ws) else 0   # a section of a document whose title names the query
    if min(gs)==0: return floor
    return max(floor,int(sum(gs)/len(gs)+0.5))
def excerpt(q, s):
    b=s['body'] or s['heading']
    w=q.split()[0]
    i=b.find(w)
    if i<0: return b[:40]
    return b[max(0,i-15):i+len(w)+25]
out=[]
for i,q in enumerate(lines):
    pool=set()
    for p in P:
        if p['query']==q:
            for h in p['hits']: pool.add((h['doc'],h['section']))
    for s in S:
        if all(w in s['heading']+s['body'] for w in q.split()) or (kind(q) in ('title',) and q in s['title'] and s['section']<=min(x['section'] for x in S if x['doc']==s['doc'])+0):
            pool.add((s['doc'],s['section']))
    js=[]
    for key in sorted(pool):
        s=byid[key]
        js.append({'document':key[0],'section':key[1],'heading':s['heading'],'excerpt':excerpt(q,s),'grade':grade(q,s,None)})
    js.sort(key=lambda j:(-j['grade'],j['document'],j['section']))
    out.append({'id':f'q{i+1:02d}','query':q,'kind':kind(q),'judgments':js})
json.dump(out, open('auto.json','w'), ensure_ascii=False, indent=1)
with open('queries.json','w') as f:
    f.write('{\n "queries": [\n')
    for n,o in enumerate(out):
        f.write('  {"id": %s, "query": %s, "kind": %s, "judgments": [\n' % tuple(json.dumps(o[k],ensure_ascii=False) for k in ('id','query','kind')))
        f.write(',\n'.join('   '+json.dumps(j,ensure_ascii=False) for j in o['judgments']))
        f.write('\n  ]}' + (',' if n<len(out)-1 else '') + '\n')
    f.write(' ]\n}\n')
for o in out:
    g=[j['grade'] for j in o['judgments']]
    print(o['id'],o['query'],o['kind'],len(g),'3:',g.count(3),'2:',g.count(2),'1:',g.count(1))
