package io.heitu.ledger.sim;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Holds only a chaincode's own classes; everything else (the shim, Jackson, the JDK) comes from
 * the application. The shim discovers contracts by scanning every class on the context class
 * loader's path; behind this loader that path is the chaincode alone, instead of a whole
 * application (in a Spring Boot jar, hundreds of nested jars scanned for a minute).
 */
final class ContractClassLoader extends URLClassLoader {

    private final String packagePrefix;
    private final ClassLoader application;

    ContractClassLoader(URL chaincodeRoot, String contractPackage, ClassLoader application) {
        super(new URL[] {chaincodeRoot}, ClassLoader.getPlatformClassLoader());
        this.packagePrefix = contractPackage + ".";
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(packagePrefix)) {
            return application.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
