#!/usr/bin/env python3
"""Who calls a hot method: time per call chain leading to the first frame whose name contains TARGET, from a
speedscope profile (dotnet-trace convert --format speedscope). Usage: callers.py PROFILE.json TARGET [DEPTH]"""
import json,sys,collections
d=json.load(open(sys.argv[1]))
frames=[f['name'] for f in d['shared']['frames']]
target=sys.argv[2]; depth=int(sys.argv[3]) if len(sys.argv)>3 else 4
cnt=collections.Counter(); total=0.0
for p in d['profiles']:
    stack=[]; last=None
    for e in p['events']:
        if last is not None and stack:
            dt=e['at']-last
            total+=dt
            for i in range(len(stack)-1,-1,-1):
                if target in frames[stack[i]]:
                    chain=" <- ".join(frames[x].split('(')[0][-55:] for x in reversed(stack[max(0,i-depth):i+1]))
                    cnt[chain]+=dt; break
        last=e['at']
        if e['type']=='O': stack.append(e['frame'])
        else: stack.pop()
for k,v in cnt.most_common(10): print(f"{100*v/total:6.2f}% {k}")
