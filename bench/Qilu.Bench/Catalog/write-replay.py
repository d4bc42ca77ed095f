# Replay of the Catalog import's SQLite write pattern (ADR 0016 addendum 2), outside .NET: same tables and row sizes,
# uniform random tokens, 4,096-row batches, one transaction. Usage: python3 write-replay.py ROWS VARIANT CACHE_MIB
# VARIANT: cur (filter heap + PK + by-key index), wr (WITHOUT ROWID + by-key index), wr1 (WITHOUT ROWID, PK only);
# prefix b for BLOB resource ids. Env TL / FTL: hex length of key / filter tokens (default 64). Writes /tmp/ip2/t_*.db.
import sqlite3, os, sys, time, uuid, random, base64
N=int(sys.argv[1]); variant=sys.argv[2]; cache=int(sys.argv[3])
os.makedirs("/tmp/ip2", exist_ok=True)
path=f"/tmp/ip2/t_{variant}.db"
for s in ["","-wal","-shm"]:
    try: os.remove(path+s)
    except FileNotFoundError: pass
c=sqlite3.connect(path, isolation_level=None)
c.execute("PRAGMA journal_mode=WAL")
if cache: c.execute(f"PRAGMA cache_size=-{cache*1024}")
blob = variant.startswith("b")
idt = "BLOB" if blob else "TEXT"
c.execute(f'CREATE TABLE rows(ResourceId {idt} NOT NULL, KeyToken TEXT NOT NULL, DivisionCode TEXT, Payload TEXT NOT NULL, Secret TEXT, Digest TEXT NOT NULL, Sequence INTEGER NOT NULL, UpdatedAt INTEGER NOT NULL, PRIMARY KEY(ResourceId,KeyToken))')
c.execute('CREATE INDEX rd ON rows(ResourceId,DivisionCode)')
c.execute(f'CREATE TABLE changes(ResourceId {idt} NOT NULL, Sequence INTEGER NOT NULL, KeyToken TEXT NOT NULL, Deleted INTEGER NOT NULL, DivisionCode TEXT, Sealed TEXT, At INTEGER NOT NULL, PRIMARY KEY(ResourceId,Sequence))')
if variant in ("cur","bcur"):
    c.execute(f'CREATE TABLE filters(ResourceId {idt} NOT NULL, "Column" INTEGER NOT NULL, Token TEXT NOT NULL, KeyToken TEXT NOT NULL, PRIMARY KEY(ResourceId,"Column",Token,KeyToken))')
    c.execute('CREATE INDEX fk ON filters(ResourceId,KeyToken)')
elif variant in ("wr","bwr"):
    c.execute(f'CREATE TABLE filters(ResourceId {idt} NOT NULL, "Column" INTEGER NOT NULL, Token TEXT NOT NULL, KeyToken TEXT NOT NULL, PRIMARY KEY(ResourceId,"Column",Token,KeyToken)) WITHOUT ROWID')
    c.execute('CREATE INDEX fk ON filters(ResourceId,KeyToken)')
elif variant in ("wr1","bwr1"):
    c.execute(f'CREATE TABLE filters(ResourceId {idt} NOT NULL, "Column" INTEGER NOT NULL, Token TEXT NOT NULL, KeyToken TEXT NOT NULL, PRIMARY KEY(ResourceId,"Column",Token,KeyToken)) WITHOUT ROWID')
rid = uuid.uuid4()
R = rid.bytes if blob else str(rid).upper()
tl = int(os.environ.get("TL","64"))
def tok(): return os.urandom(32).hex()[:tl]
ftl = int(os.environ.get("FTL","64"))
def ftok(): return os.urandom(32).hex()[:ftl]
divs=["370102","370103","370104","370105","370112","370202","370203","370211","370212","370213"]
t0=time.time(); cpu0=time.process_time()
c.execute("BEGIN")
seq=0
B=4096
for b in range(0,N,B):
    rows=[];ch=[];fl=[]
    for i in range(b,min(N,b+B)):
        seq+=1; k=tok(); d=divs[i%10]
        rows.append((R,k,d,'{"性别":"1","行政区划代码":"%s"}'%d,"v1:0123456789abcdef:"+base64.b64encode(os.urandom(130)).decode(),base64.b64encode(os.urandom(18)).decode(),seq,1700000000))
        ch.append((R,seq,k,d,1700000000))
        for col in (1,3,4):
            if col==4 and i%4==0: continue
            fl.append((R,col,ftok(),k))
    c.executemany("INSERT INTO rows VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(ResourceId,KeyToken) DO UPDATE SET Payload=excluded.Payload",rows)
    c.executemany("INSERT INTO changes(ResourceId,Sequence,KeyToken,Deleted,DivisionCode,At) VALUES(?,?,?,0,?,?)",ch)
    c.executemany('INSERT OR IGNORE INTO filters VALUES(?,?,?,?)',fl)
walsz=os.path.getsize(path+"-wal")
c.execute("COMMIT")
t=time.time()-t0; cpu=time.process_time()-cpu0
print(f"{variant} cache={cache}MB tl={tl} N={N}: {t:.1f}s wall {N/t:.0f} rows/s, cpu {cpu*1e6/N:.1f} us/row, wal before commit {walsz/1e6:.0f}MB, db {os.path.getsize(path)/1e6:.0f}MB")
