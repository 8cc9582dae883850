package io.heitu.ledger.sim;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;

/**
 * Loads the contracts on the classpath exactly as the chaincode server would, without opening a
 * port: {@code startRouterWithChaincodeServer} discovers the contracts and builds their metadata,
 * then calls {@code start()} on a server that returns at once.
 */
public final class InProcessChaincode {

    /** Strong references: JUL holds loggers weakly, and a collected logger forgets its level. */
    private static final List<Logger> QUIETED = new CopyOnWriteArrayList<>();

    private InProcessChaincode() {}

    /**
     * Loads the contracts of one package only, found where the application's class loader has that
     * package: the chaincode's classes sit behind their own loader while the shim scans for contracts.
     */
    public static Chaincode loadPackage(String chaincodeId, String contractPackage) {
        ClassLoader application = InProcessChaincode.class.getClassLoader();
        URL root = packageRoot(application, contractPackage);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new ContractClassLoader(root, contractPackage, application));
        try {
            return load(chaincodeId);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The jar or directory holding a package: its resource URL minus the package path. */
    static URL packageRoot(ClassLoader loader, String contractPackage) {
        String path = contractPackage.replace('.', '/') + "/";
        URL location = loader.getResource(path);
        if (location == null) {
            throw new IllegalStateException("no classes of package " + contractPackage + " on the class path");
        }
        String text = location.toString();
        try {
            return new URL(text.substring(0, text.length() - path.length()));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("cannot locate package " + contractPackage + " in " + text, e);
        }
    }

    public static Chaincode load(String chaincodeId) {
        try {
            Logger.getLogger("org.hyperledger").setLevel(Level.WARNING);
            ContractRouter router = new ContractRouter(new String[] {"--id", chaincodeId});
            router.startRouterWithChaincodeServer(new ChaincodeServer() {
                @Override
                public void start() {}

                @Override
                public void stop() {}
            });
            quietShimLogging();
            return router;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot load chaincode " + chaincodeId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted loading chaincode " + chaincodeId, e);
        }
    }

    /**
     * The shim logs every transaction and its whole metadata at INFO: fine on a peer, noise (and a
     * real cost per transaction) in-process. Starting the router sets INFO explicitly on the shim's
     * package loggers, so lowering the parent alone is not enough.
     */
    private static void quietShimLogging() {
        for (String name :
                List.of("org.hyperledger", "org.hyperledger.fabric.shim", "org.hyperledger.fabric.contract")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
        org.hyperledger.fabric.Logging.setLogLevel("WARNING");
    }
}
