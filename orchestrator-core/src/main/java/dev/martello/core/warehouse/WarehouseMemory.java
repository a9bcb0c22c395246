package dev.martello.core.warehouse;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the sessions of one warehouse share so that a materialization need not ask the catalog each time: the
 * schemas seen to exist, and the assets already swept of crash leftovers.
 */
record WarehouseMemory(Set<String> knownSchemas, CrashSweep crashSweep) {

    static WarehouseMemory empty() {
        return new WarehouseMemory(ConcurrentHashMap.newKeySet(), new CrashSweep());
    }
}
