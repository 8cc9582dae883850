package io.heitu.chaincode.epcis;

import java.util.Set;

/**
 * The bare CBV and GS1 vocabulary terms that the EPCIS 2.0 JSON-LD context (the version bundled with
 * the reference hash generator) expands to web vocabulary IRIs, e.g. bizStep "shipping" to
 * {@code https://ref.gs1.org/cbv/BizStep-shipping}. Only listed terms expand; anything else, such as a
 * private bizStep "harvesting" or a compact IRI "cbv:BizStep-shipping", is hashed as written, as the
 * reference does.
 *
 * <p>The reference finds these by expanding the whole document and then replacing <em>any</em> string
 * in it that ends with one of the expanded terms, so a bare "shipping" in an extension field also
 * expands when some event of the same document has bizStep shipping. An event hash must not depend
 * on its neighbours, so here a term expands only in the field whose context defines it.
 */
final class EventHashVocabulary {
    private static final String CBV = "https://ref.gs1.org/cbv/";
    private static final String GS1 = "https://gs1.org/voc/";

    private static final Set<String> BIZ_STEPS = words("accepting arriving assembling collecting commissioning"
            + " consigning creating_class_instance cycle_counting decommissioning departing destroying"
            + " disassembling dispensing encoding entering_exiting holding inspecting installing killing"
            + " loading other packing picking receiving removing repackaging repairing replacing reserving"
            + " retail_selling sampling sensor_reporting shipping staging_outbound stock_taking stocking"
            + " storing transporting unloading unpacking void_shipping");

    private static final Set<String> DISPOSITIONS = words("active available completeness_verified"
            + " completeness_inferred conformant container_closed container_open damaged destroyed dispensed"
            + " disposed encoded expired in_progress in_transit inactive mismatch_instance mismatch_class"
            + " mismatch_quantity needs_replacement no_pedigree_match non_conformant non_sellable_other"
            + " partially_dispensed recalled reserved retail_sold returned sellable_accessible"
            + " sellable_not_accessible stolen unavailable unknown");

    private static final Set<String> SOURCE_DESTINATION_TYPES = words("owning_party possessing_party location");

    private static final Set<String> BIZ_TRANSACTION_TYPES =
            words("bol cert desadv inv pedigree po poc prodorder recadv rma testprd testres upevt");

    private static final Set<String> MEASUREMENT_TYPES = words("AbsoluteHumidity AbsorbedDose AbsorbedDoseRate"
            + " Acceleration Radioactivity Altitude AmountOfSubstance AmountOfSubstancePerUnitVolume Angle"
            + " AngularAcceleration AngularMomentum AngularVelocity Area Capacitance Conductance Conductivity"
            + " Count Density Dimensionless DoseEquivalent DoseEquivalentRate DynamicViscosity ElectricCharge"
            + " ElectricCurrent ElectricCurrentDensity ElectricFieldStrength Energy Exposure Force Frequency"
            + " Illuminance Inductance Irradiance KinematicViscosity Length LinearMomentum Luminance"
            + " LuminousFlux LuminousIntensity MagneticFlux MagneticFluxDensity MagneticVectorPotential Mass"
            + " MassConcentration MassFlowRate MassPerAreaTime MemoryCapacity MolalityOfSolute MolarEnergy"
            + " MolarMass MolarVolume Power Pressure RadiantFlux RadiantIntensity RelativeHumidity Resistance"
            + " Resistivity SolidAngle SpecificVolume Speed SurfaceDensity SurfaceTension Temperature Time"
            + " Torque Voltage Volume VolumeFlowRate VolumeFraction VolumetricFlux Wavenumber");

    private static final Set<String> SENSOR_ALERT_TYPES = words("ALARM_CONDITION ERROR_CONDITION");

    private static final Set<String> COMPONENTS = words("x y z axial_distance azimuth height spherical_radius"
            + " polar_angle elevation_angle easting northing latitude longitude altitude");

    private EventHashVocabulary() {}

    /**
     * The IRI of {@code text} if it is a bare term of the vocabulary that the JSON-LD context attaches
     * to the field {@code key} of an object held under {@code parentKey}; otherwise {@code text}.
     */
    static String expand(String parentKey, String key, String text) {
        return switch (key) {
            case "bizStep" -> expand(BIZ_STEPS, CBV + "BizStep-", text);
            case "disposition" -> expand(DISPOSITIONS, CBV + "Disp-", text);
            case "set", "unset" ->
                parentKey.equals("persistentDisposition") ? expand(DISPOSITIONS, CBV + "Disp-", text) : text;
            case "type" -> expandType(parentKey, text);
            case "exception" -> parentKey.equals("sensorReport") ? expand(SENSOR_ALERT_TYPES, GS1, text) : text;
            case "component" -> parentKey.equals("sensorReport") ? expand(COMPONENTS, CBV + "Comp-", text) : text;
            default -> text;
        };
    }

    private static String expandType(String parentKey, String text) {
        return switch (parentKey) {
            case "sourceList", "destinationList" -> expand(SOURCE_DESTINATION_TYPES, CBV + "SDT-", text);
            case "bizTransactionList" -> expand(BIZ_TRANSACTION_TYPES, CBV + "BTT-", text);
            case "sensorReport" -> expand(MEASUREMENT_TYPES, GS1, text);
            default -> text;
        };
    }

    private static String expand(Set<String> terms, String iriPrefix, String text) {
        return terms.contains(text) ? iriPrefix + text : text;
    }

    private static Set<String> words(String spaceSeparated) {
        return Set.of(spaceSeparated.split(" "));
    }
}
