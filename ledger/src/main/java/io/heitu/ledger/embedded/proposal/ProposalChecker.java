package io.heitu.ledger.embedded.proposal;

import com.google.protobuf.ByteString;
import io.heitu.identity.SerializedIdentities;
import io.heitu.ledger.embedded.blocks.ChannelConfig;
import io.heitu.ledger.sim.TxProposal;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * The checks a peer's endorser makes before simulating: the proposal is for this channel and
 * chaincode, its transaction id is derived from its nonce and creator, the creator's certificate
 * chains to a CA of the creator's MSP and is valid at the given time, and the creator signed the
 * proposal bytes. Used at submission (time = now) and by verify (time = block commit time).
 */
public final class ProposalChecker {

    /** Path validation costs far more than a signature check; creators repeat, so remember them. */
    private static final int MAX_CACHED_CREATORS = 10_000;

    private final ChannelConfig config;
    private final Map<ByteString, Creator> creators = new ConcurrentHashMap<>();

    public ProposalChecker(ChannelConfig config) {
        this.config = config;
    }

    ChannelConfig config() {
        return config;
    }

    public DecodedProposal check(SignedProposal signed, Instant at) throws BadProposalException {
        DecodedProposal decoded;
        try {
            decoded = DecodedProposal.parse(signed);
        } catch (IllegalArgumentException e) {
            throw new BadProposalException(e.getMessage(), e);
        }
        TxProposal tx = decoded.tx();
        if (!config.channel().equals(tx.channelId())) {
            throw new BadProposalException("proposal is for channel " + tx.channelId());
        }
        if (!config.chaincodeName().equals(tx.chaincodeName())) {
            throw new BadProposalException("proposal is for chaincode " + tx.chaincodeName());
        }
        if (decoded.nonce().length == 0
                || !Proposals.txId(decoded.nonce(), tx.creator()).equals(tx.txId())) {
            throw new BadProposalException("transaction id is not hex(sha256(nonce + creator))");
        }
        Signatures.VerifyingKey key = creator(tx.creator(), at);
        if (!key.verify(decoded.proposalBytes(), decoded.signature())) {
            throw new BadProposalException("signature does not match the creator");
        }
        return decoded;
    }

    private Signatures.VerifyingKey creator(byte[] serialized, Instant at) throws BadProposalException {
        ByteString cacheKey = ByteString.copyFrom(serialized);
        Creator creator = creators.get(cacheKey);
        if (creator == null) {
            creator = validate(serialized, at);
            if (creators.size() >= MAX_CACHED_CREATORS) {
                creators.clear();
            }
            creators.put(cacheKey, creator);
        }
        if (at.isBefore(creator.notBefore()) || at.isAfter(creator.notAfter())) {
            throw new BadProposalException("creator certificate or its CA is not valid at " + at);
        }
        return creator.key();
    }

    private Creator validate(byte[] serialized, Instant at) throws BadProposalException {
        SerializedIdentities.Parsed identity;
        try {
            identity = SerializedIdentities.parse(serialized);
        } catch (IllegalArgumentException e) {
            throw new BadProposalException("creator is not a serialized identity", e);
        }
        List<X509Certificate> cas = config.msps().get(identity.mspId());
        if (cas == null || cas.isEmpty()) {
            throw new BadProposalException("creator's MSP is not trusted: " + identity.mspId());
        }
        X509Certificate certificate = identity.certificate();
        try {
            certificate.checkValidity(Date.from(at));
        } catch (CertificateException e) {
            throw new BadProposalException("creator certificate is not valid at " + at, e);
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            cas.forEach(ca -> anchors.add(new TrustAnchor(ca, null)));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            var path = CertificateFactory.getInstance("X.509").generateCertPath(new ArrayList<>(List.of(certificate)));
            var result = (PKIXCertPathValidatorResult)
                    CertPathValidator.getInstance("PKIX").validate(path, parameters);
            X509Certificate ca = result.getTrustAnchor().getTrustedCert();
            Instant notBefore = latest(certificate.getNotBefore(), ca.getNotBefore());
            Instant notAfter = earliest(certificate.getNotAfter(), ca.getNotAfter());
            return new Creator(Signatures.verifyingKey(certificate.getPublicKey()), notBefore, notAfter);
        } catch (GeneralSecurityException e) {
            throw new BadProposalException("creator certificate does not chain to a CA of " + identity.mspId(), e);
        }
    }

    private static Instant latest(Date... dates) {
        return Arrays.stream(dates).map(Date::toInstant).max(Instant::compareTo).orElseThrow();
    }

    private static Instant earliest(Date... dates) {
        return Arrays.stream(dates).map(Date::toInstant).min(Instant::compareTo).orElseThrow();
    }

    private record Creator(Signatures.VerifyingKey key, Instant notBefore, Instant notAfter) {}
}
