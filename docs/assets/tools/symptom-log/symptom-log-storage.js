/*
 * Where the symptom log keeps its records: IndexedDB, one database
 * ("fibro-twitch-log") with one store ("records"), read and written through
 * idb-keyval (vendor/, pinned in package.json).
 *
 * One record per entry (key ["entry", id]) and per day (["day", date]),
 * plus "meta" (format version, when the log was made, last backup, the
 * dates the reader saw a GP (gp_visits), the day their twitching started
 * (twitching_started), unknown top-level fields of imported backups).
 *
 * Every change is one transaction that reads what it depends on and writes
 * in the same transaction, so two tabs cannot undo each other: a change to
 * an entry another tab deleted is refused (never stored again without its
 * id), an import or "delete everything" is all or nothing, and a write that
 * throws part-way (storage full, a value it cannot copy) is rolled back.
 * The page (symptom-log.js) says what happened; this file only reports it.
 */
(function (root) {
  "use strict";

  var F = root.SymptomLogFormat;
  var DB_NAME = "fibro-twitch-log";
  var STORE = "records";
  var DB_VERSION = 1; // the layout of the database; the backup format has its own version (F.VERSION)

  /* An error the page tells apart by its name. */
  function failure(name, message, details) {
    var error = new Error(message);
    error.name = name;
    return F.copyFields(error, details);
  }

  /* events.blocked(): a tab with an older page keeps the database open, so
   * this page must wait. events.replaced(): a newer page wants the database;
   * this page lets go of it and can no longer save. */
  function Storage(events) {
    var kv = root.idbKeyval;
    if (!kv || !root.indexedDB) throw new Error("IndexedDB is not available");
    var request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = function () {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onblocked = function () { events.blocked(); };
    var ready = kv.promisifyRequest(request).then(function (db) {
      db.onversionchange = function () {
        db.close();
        events.replaced();
      };
      return db;
    });
    this.kv = kv;
    this.ready = ready;
    // idb-keyval's custom store: its calls use this page's connection.
    this.store = function (mode, callback) {
      return ready.then(function (db) { return callback(db.transaction(STORE, mode).objectStore(STORE)); });
    };
  }

  /* One transaction: work(job) queues reads and writes on job.store, reads
   * with job.read(request, next), ends with job.done(value) or job.stop(error).
   * Resolves with the value once the transaction is committed; rejects, with
   * nothing written, on stop, on any throw (at once or in next) and on abort. */
  Storage.prototype.transact = function (mode, work) {
    return this.ready.then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode), value, error = null;
        var stop = function (reason) {
          if (!error) error = reason;
          try { tx.abort(); } catch (alreadyFinished) { /* the abort event still reports it */ }
        };
        var guarded = function (step) {
          return function (argument) {
            try { step(argument); } catch (thrown) { stop(thrown); }
          };
        };
        var job = {
          store: tx.objectStore(STORE),
          read: function (request, next) {
            request.onsuccess = guarded(function () { next(request.result); });
          },
          done: function (result) { value = result; },
          stop: stop
        };
        tx.oncomplete = function () { if (error) reject(error); else resolve(value); };
        tx.onabort = function () { reject(error || tx.error || failure("AbortError", "The write was cancelled.")); };
        guarded(work)(job);
      });
    });
  };

  Storage.prototype.check = function () {
    var kv = this.kv, store = this.store;
    return kv.set("probe", Date.now(), store).then(function () { return kv.del("probe", store); });
  };

  Storage.prototype.readAll = function () {
    return this.kv.entries(this.store).then(function (records) {
      var log = {entries: [], days: [], meta: null};
      records.forEach(function (record) {
        var key = record[0], value = record[1];
        if (Array.isArray(key) && key[0] === "entry") log.entries.push(value);
        else if (Array.isArray(key) && key[0] === "day") log.days.push(value);
        else if (key === "meta") log.meta = value;
      });
      return log;
    });
  };

  function withMeta(job, fields) {
    job.read(job.store.get("meta"), function (old) {
      job.store.put(F.copyFields({version: F.VERSION}, old, fields(old || {})), "meta");
    });
  }

  /* A new entry, and the log's start date if it has none: both or neither. */
  Storage.prototype.addEntry = function (entry) {
    return this.transact("readwrite", function (job) {
      job.store.put(entry, ["entry", entry.id]);
      withMeta(job, function (meta) { return meta.created ? {} : {created: new Date().toISOString()}; });
      job.done(entry);
    });
  };

  /* The reader's change (F.mergeEdit), if the entry is still there. Rejects
   * with EntryGone if another tab deleted it, and with EntryConflict (its
   * current record and the fields) if another tab changed the same fields,
   * unless keepMine. */
  Storage.prototype.changeEntry = function (edit, mine, keepMine) {
    return this.transact("readwrite", function (job) {
      job.read(job.store.get(["entry", edit.id]), function (current) {
        var merged = F.mergeEdit(edit.original, edit.shown, mine, current);
        if (merged.gone) return job.stop(failure("EntryGone", "The entry was deleted elsewhere."));
        if (merged.conflicts.length && !keepMine) {
          return job.stop(failure("EntryConflict", "The entry was changed elsewhere.",
                                  {current: current, conflicts: merged.conflicts}));
        }
        if (merged.changed.length) job.store.put(merged.entry, ["entry", edit.id]);
        job.done(merged);
      });
    });
  };

  Storage.prototype.deleteEntry = function (id) {
    return this.transact("readwrite", function (job) { job.store.delete(["entry", id]); });
  };

  /* Undo: the deleted entry back, with its id. */
  Storage.prototype.restoreEntry = function (entry) {
    return this.transact("readwrite", function (job) { job.store.put(entry, ["entry", entry.id]); });
  };

  Storage.prototype.changeDay = function (date, fields) {
    return this.transact("readwrite", function (job) {
      job.read(job.store.get(["day", date]), function (old) {
        var day = F.copyFields({date: date}, old, fields);
        job.store.put(day, ["day", date]);
        job.done(day);
      });
    });
  };

  /* A GP visit's date ADDed or REMOVEd (meta.gp_visits, sorted, each once),
   * read and written in one transaction so another tab's date is kept.
   * Resolves with the new list; rejects with VisitGone if REMOVE is no
   * longer there (another tab removed it). */
  Storage.prototype.changeVisits = function (add, remove) {
    return this.transact("readwrite", function (job) {
      job.read(job.store.get("meta"), function (old) {
        var visits = (old && old.gp_visits) || [];
        if (remove && visits.indexOf(remove) < 0) return job.stop(failure("VisitGone", "The GP visit was removed elsewhere."));
        visits = F.normalVisits(visits.filter(function (date) { return date !== remove; }).concat(add ? [add] : []));
        job.store.put(F.copyFields({version: F.VERSION}, old, {gp_visits: visits}), "meta");
        job.done(visits);
      });
    });
  };

  Storage.prototype.changeMeta = function (fields) {
    return this.transact("readwrite", function (job) { withMeta(job, function () { return fields; }); });
  };

  /* A checked backup (F.parseBackup): entries, days and GP visits not stored
   * yet, and its unknown top-level fields, in one transaction. */
  Storage.prototype.importBackup = function (backup) {
    return this.transact("readwrite", function (job) {
      job.read(job.store.getAllKeys(), function (keys) {
        var have = new Set(keys.map(function (key) { return Array.isArray(key) ? key.join("\n") : key; }));
        var result = {added: 0, days: 0, kept: 0, visits: 0};
        backup.entries.forEach(function (entry) {
          if (have.has("entry\n" + entry.id)) { result.kept += 1; return; }
          job.store.put(entry, ["entry", entry.id]);
          result.added += 1;
        });
        backup.days.forEach(function (day) {
          if (have.has("day\n" + day.date)) return;
          job.store.put(day, ["day", day.date]);
          result.days += 1;
        });
        var extra = F.copyFields({}, backup);
        F.TOP_FIELDS.forEach(function (key) { delete extra[key]; });
        withMeta(job, function (meta) {
          var had = meta.gp_visits || [], visits = F.normalVisits(had.concat(backup.gp_visits || []));
          var started = F.earlierStart(meta.twitching_started, backup.twitching_started);
          result.visits = visits.length - had.length;
          result.started = started !== (meta.twitching_started == null ? null : meta.twitching_started) ? started : null;
          return {version: F.VERSION, extra: F.copyFields({}, extra, meta.extra), gp_visits: visits,
                  twitching_started: started, created: meta.created || new Date().toISOString()};
        });
        job.done(result);
      });
    });
  };

  /* Records as they are (a migration on load), all or none. */
  Storage.prototype.writeMany = function (records) {
    return this.transact("readwrite", function (job) {
      records.forEach(function (record) { job.store.put(record[1], record[0]); });
    });
  };

  Storage.prototype.clear = function () {
    return this.transact("readwrite", function (job) { job.store.clear(); });
  };

  root.SymptomLogStorage = Storage;
})(window);
